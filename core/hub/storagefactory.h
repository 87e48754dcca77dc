// Picks the hub's store from HubOptions::databaseUrl: empty or "sqlite" the data folder
// (SqliteStorage), postgresql://… a PostgreSQL database (PostgresStorage).
#pragma once

#include "huboptions.h"
#include "storagebackend.h"

#include <memory>

namespace TableTap {

// Empty when url is a database the hub can use (not yet connected), otherwise why not (to follow
// "needs sqlite or postgresql://…: ").
QString checkDatabaseUrl(const QString &url);
bool isSqliteDatabase(const QString &url);
std::unique_ptr<StorageBackend> makeStorage(const HubOptions &options);

} // namespace TableTap
