// dtrack login / logout and the session file (see cli_session.h and service/sessions.h).
#include "app/cli_session.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <climits>
#include <cstdint>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <iostream>
#include <map>

#include "app/cli_words.h"
#include "app/prompt.h"
#include "core/numbers.h"
#include "core/clock.h"
#include "core/error.h"
#include "service/passwords.h"
#include "service/sessions.h"

namespace dt::cli {

namespace fs = std::filesystem;

namespace {

struct SessionFile {
    std::string database;
    std::string user;
    std::string expires_at;
    std::string token;
};

bool is_directory(const char* path) {
    struct stat st {};
    return path && *path && fs::path(path).is_absolute() && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

std::string database_key(const fs::path& db) {
    std::error_code ec;
    auto absolute = fs::absolute(db, ec);
    if (ec) absolute = db;
    auto canonical = fs::weakly_canonical(absolute, ec);
    return ec ? absolute.lexically_normal().string() : canonical.string();
}

std::string mode_text(mode_t mode) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%04o", static_cast<unsigned>(mode & 07777));
    return buf;
}

// Creates the folder (mode 0700) or checks that an existing one is this account's, and
// takes away any access others had to it.
void ensure_private_folder(const fs::path& folder) {
    std::error_code ec;
    if (folder.has_parent_path()) fs::create_directories(folder.parent_path(), ec);
    if (mkdir(folder.c_str(), 0700) != 0 && errno != EEXIST)
        fail(ErrorKind::System, Msg::SessionFolderCreate, {folder.string(), std::string(std::strerror(errno))});
    struct stat st {};
    if (lstat(folder.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
        fail(ErrorKind::System, Msg::SessionFolderNotFolder, {folder.string()});
    if (st.st_uid != geteuid())
        fail(ErrorKind::Denied, Msg::SessionFolderForeign, {folder.string()});
    if ((st.st_mode & 077) != 0 && chmod(folder.c_str(), 0700) != 0)
        fail(ErrorKind::System, Msg::SessionFolderPrivate, {folder.string()});
}

// Reads the file when it is safe to trust; `problem` says why not otherwise (empty: no file).
// Not `strict` (logout): the owner and mode are not checked, since revoking a token that
// others could read is exactly what is wanted.
std::optional<SessionFile> read_session_file(const fs::path& path, std::string& problem, bool strict = true) {
    problem.clear();
    const int fd = open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        if (errno != ENOENT) problem = say(Msg::SessionFileCannotOpen, {std::string(std::strerror(errno))});
        return std::nullopt;
    }
    struct stat st {};
    std::string text;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        problem = say(Msg::SessionFileNotRegular);
    } else if (strict && st.st_uid != geteuid()) {
        problem = say(Msg::SessionFileForeign);
    } else if (strict && (st.st_mode & 077) != 0) {
        problem = say(Msg::SessionFileOpenMode, {mode_text(st.st_mode)});
    } else if (st.st_size > 4096) {
        problem = say(Msg::SessionFileTooLarge);
    } else {
        char buf[4096];
        ssize_t n = 0;
        while ((n = read(fd, buf, sizeof buf)) > 0) text.append(buf, static_cast<std::size_t>(n));
    }
    close(fd);
    if (!problem.empty()) return std::nullopt;
    std::map<std::string, std::string> values;
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        const auto line = text.substr(start, end - start);
        start = end + 1;
        if (line.empty() || line[0] == '#') continue;
        if (const auto eq = line.find('='); eq != std::string::npos) values[line.substr(0, eq)] = line.substr(eq + 1);
    }
    SessionFile f{values["database"], values["user"], values["expires_at"], values["token"]};
    if (f.database.empty() || f.user.empty() || f.token.empty()) {
        problem = say(Msg::SessionFileNotOurs);
        return std::nullopt;
    }
    return f;
}

void write_session_file(const fs::path& path, const SessionFile& f) {
    ensure_private_folder(path.parent_path());
    const auto temporary = path.string() + ".tmp-" + std::to_string(getpid());
    unlink(temporary.c_str());
    const int fd = open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) fail(ErrorKind::System, Msg::SessionFileWriteWhy, {path.string(), std::string(std::strerror(errno))});
    const std::string text = "# dtrack session: whoever reads this file acts as " + f.user +
                             " until it expires. 'dtrack logout' ends it.\n"
                             "database=" + f.database + "\nuser=" + f.user + "\nexpires_at=" + f.expires_at +
                             "\ntoken=" + f.token + "\n";
    bool ok = fchmod(fd, 0600) == 0;
    std::size_t written = 0;
    while (ok && written < text.size()) {
        const ssize_t n = write(fd, text.data() + written, text.size() - written);
        if (n <= 0) ok = false;
        else written += static_cast<std::size_t>(n);
    }
    ok = close(fd) == 0 && ok;
    if (!ok || rename(temporary.c_str(), path.c_str()) != 0) {
        unlink(temporary.c_str());
        fail(ErrorKind::System, Msg::SessionFileWrite, {path.string()});
    }
}

store::OpenOptions existing_only() {
    store::OpenOptions options;
    options.create = false;
    return options;
}

}  // namespace

fs::path session_folder() {
    if (const char* run = std::getenv("XDG_RUNTIME_DIR"); is_directory(run)) return fs::path(run) / "directive-tracker";
    if (const char* cache = std::getenv("XDG_CACHE_HOME"); cache && *cache && fs::path(cache).is_absolute())
        return fs::path(cache) / "directive-tracker";
    if (const char* home = std::getenv("HOME"); home && *home) return fs::path(home) / ".cache" / "directive-tracker";
    fail(ErrorKind::System, Msg::SessionNowhere);
}

fs::path session_file_path(const fs::path& db) {
    return session_folder() / ("session-" + service::sha256_hex(database_key(db)).substr(0, 32));
}

std::optional<service::Actor> resume_session(service::Service& service, const fs::path& db, const std::string& user) {
    fs::path path;
    try {
        path = session_file_path(db);
    } catch (const Error&) {
        return std::nullopt;  // nowhere to look: the password path
    }
    std::string problem;
    const auto file = read_session_file(path, problem);
    if (!file) {
        if (!problem.empty())
            std::cerr << "dtrack: " << say(Msg::SessionNotUsed, {path.string(), problem}) << "\n";
        return std::nullopt;
    }
    // Another user's session (or another database's, were two paths ever to share a name): ignore it.
    if (file->user != user || file->database != database_key(db)) return std::nullopt;
    if (auto actor = service::Sessions(service).resume(user, file->token)) return actor;
    std::cerr << "dtrack: " << say(Msg::SessionInvalid, {user}) << "\n";
    return std::nullopt;
}

int run_login(const Context& ctx) {
    if (!ctx.user) fail(ErrorKind::Usage, Msg::LoginWho);
    auto store = store::Store::open(ctx.db, existing_only());
    service::Service service(*store);
    // Always the password here, even when a session is still valid: login is where it is checked.
    const auto actor = service.sign_in(*ctx.user, app::read_password("DTRACK_PASSWORD", say(Msg::PromptPassword, {*ctx.user})));
    service::Sessions sessions(service);
    const auto path = session_file_path(ctx.db);
    std::string problem;
    if (const auto previous = read_session_file(path, problem)) sessions.revoke(previous->token);
    const auto created = sessions.open(actor);
    try {
        write_session_file(path, {database_key(ctx.db), actor.name, created.expires_at, created.token});
    } catch (...) {
        sessions.revoke(created.token);
        throw;
    }
    std::cout << say(Msg::OutSignedIn, {actor.name, local_timestamp(created.expires_at, true), created.expires_at,
                                        sessions.lifetime_hours()})
              << "\n"
              << say(Msg::OutSessionFile, {path.string()}) << "\n"
              << say(Msg::OutSessionUse, {actor.name}) << "\n";
    return 0;
}

int run_logout(const Context& ctx) {
    const auto path = session_file_path(ctx.db);
    std::string problem;
    const auto file = read_session_file(path, problem, false);
    std::error_code ec;
    if (!file && !fs::exists(fs::symlink_status(path, ec))) {
        std::cout << say(Msg::OutNoSession, {ctx.db.string()}) << "\n";
        return 0;
    }
    bool revoked = false;
    if (file) {
        auto store = store::Store::open(ctx.db, existing_only());
        service::Service service(*store);
        revoked = service::Sessions(service).revoke(file->token);
    }
    if (!fs::remove(path, ec) && ec)
        fail(ErrorKind::System, Msg::SessionFileDelete, {path.string(), ec.message()});
    std::cout << (!file     ? say(Msg::OutSignedOutNoFile, {path.string()})
                  : revoked ? say(Msg::OutSignedOutRevoked, {file->user, path.string()})
                            : say(Msg::OutSignedOutFile, {file->user, path.string()}))
              << "\n";
    return 0;
}

int run_session_lifetime(const Context& ctx, const std::optional<std::string>& hours_text) {
    auto s = open_session(ctx);
    service::Sessions sessions(*s.service);
    if (hours_text) {
        const long hours = whole_or_fail(*hours_text, Msg::NotHours, {}, LONG_MIN, LONG_MAX);
        sessions.set_lifetime_hours(s.actor, hours);
    }
    std::cout << say(Msg::OutSessionLifetime, {sessions.lifetime_hours()}) << "\n";
    return 0;
}

}  // namespace dt::cli
