// Files that hold a hub's data outside the hub's own handling (backups, restores): copied
// without following symlinks, created for the owner only (0600 files, 0700 folders), and
// flushed to disk with their folder before anyone is told they exist.
#pragma once

#include <QString>

namespace TableTap::PrivateFiles {

// Copies a regular file (a symlink at `from` is refused, O_NOFOLLOW) to a new file `to`
// (refused if anything is there, a symlink included, O_EXCL), mode 0600, fsynced.
bool copyFile(const QString &from, const QString &to, QString *error);
// Whether path names a regular file itself (not a symlink to one).
bool isRegularFile(const QString &path);
// Whether path names a folder itself (not a symlink to one).
bool isFolder(const QString &path);
// Creates the folder (and missing parents) and gives it mode 0700.
bool makeFolder(const QString &path, QString *error);
// Sets mode 0600 and fsyncs the file.
bool sealFile(const QString &path, QString *error);
// fsyncs a folder, so the names created in it are on disk.
bool syncFolder(const QString &path, QString *error);

} // namespace TableTap::PrivateFiles
