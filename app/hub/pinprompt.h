// Where `tabletap-hub staff set-pin` gets the new PIN: asked for twice on the terminal with echo
// off, or one line of standard input when that is not a terminal (a script piping it in), so
// the PIN is never on the command line (visible in ps and shell history).
#pragma once

#include <QString>

#include <optional>

namespace TableTap {

class PinPrompt final
{
public:
    // nullopt with *error set: nothing to read, or the two entries differ.
    static std::optional<QString> read(const QString &prompt, QString *error);
};

} // namespace TableTap
