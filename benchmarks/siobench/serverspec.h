// How to start one server under test: a label for the tables, the command and its environment.
#pragma once

#include <string>
#include <vector>

namespace TableTap {

struct ServerSpec
{
    std::string label; // "socket.io", "hub", "hub-unix", ...
    std::vector<std::string> argv;
    std::vector<std::string> env;
    bool isReference = false;
};

} // namespace TableTap
