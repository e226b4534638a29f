#include "app/storage_advice.h"

#include "store/backups.h"

namespace dt::app {

namespace fs = std::filesystem;

std::string shell_word(const std::string& text) {
    std::string out = "'";
    for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

namespace {
bool same_file(const fs::path& a, const fs::path& b) {
    std::error_code ec;
    return fs::absolute(a, ec).lexically_normal() == fs::absolute(b, ec).lexically_normal();
}

std::string restore_advice(const fs::path& db) {
    const std::string command = "dtrack --db " + shell_word(db.string()) + " restore ";
    if (const auto backup = store::newest_usable_backup(db))
        return "restore the newest backup with: " + command + shell_word(backup->string()) +
               " (what is there now is kept beside it as a .bak file)";
    return "there is no usable backup in " + shell_word(store::backup_folder(db).string()) +
           ", so restore a copy made with 'dtrack backup' (" + command +
           "FILE), or move the file away and create a new database with 'dtrack init'";
}
}  // namespace

std::string storage_sentence(const store::StorageError& error, const fs::path& database) {
    using store::Fault;
    std::string what = error.what();
    // Both already say what to do.
    if (error.fault() == Fault::Newer || error.fault() == Fault::Unreachable) return what;
    if (what.ends_with(".")) what.pop_back();
    const fs::path& file = error.database();
    const bool ours = same_file(file, database);
    std::string advice;
    switch (error.fault()) {
    case Fault::Missing:
        if (!ours) advice = "give the path of an existing file";
        else if (const auto backup = store::newest_usable_backup(file))
            advice = "run 'dtrack init' to create it, or restore the newest backup with: dtrack --db " +
                     shell_word(file.string()) + " restore " + shell_word(backup->string());
        else advice = "run 'dtrack init' to create it";
        break;
    case Fault::Empty:
    case Fault::NotDatabase:
    case Fault::Damaged: advice = ours ? restore_advice(file) : "choose another file"; break;
    case Fault::Foreign:
        advice = ours ? "check --db (or DTRACK_DB), or " + restore_advice(file) : "choose another file";
        break;
    case Fault::Newer:
    case Fault::Unreachable: break;
    case Fault::ReadOnlyFile:
        if (what.ends_with(store::kLeftBehind)) {
            advice = "when no program has the database open, delete that file (SQLite makes it again), or make it "
                     "writable for this user; nothing was changed";
            break;
        }
        advice = "make it writable for this user, or copy it to a folder you can write to and give that copy with "
                 "--db; nothing was changed";
        break;
    case Fault::ReadOnlyFolder:
        advice = "make that folder writable for this user, or copy the database to a folder you can write to and "
                 "give that copy with --db; nothing was changed";
        break;
    case Fault::DiskFull: advice = "free some space on that disk and try again; nothing was changed"; break;
    case Fault::Locked: advice = "close the other program that is writing to it, or try again in a moment"; break;
    case Fault::Io:
        advice = ours ? "check the disk and the file's permissions, then run: dtrack --db " + shell_word(file.string()) + " check"
                      : "check the disk and the file's permissions";
        break;
    }
    return what + ": " + advice + ".";
}

}  // namespace dt::app
