// dtrack login / logout: a session stands for the password for a few hours, and only while it
// is the user's own, unaltered, unexpired, unrevoked, and the account is active.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include "support.h"

using dt::test::run_dtrack;
namespace fs = std::filesystem;

namespace {
const std::string kAdminEnv = "DTRACK_PASSWORD='mật khẩu quản trị'";

// A seeded database, and a private runtime folder where the session files go.
struct SessionDb {
    dt::test::TempDir dir;
    fs::path path = dir / "tracker.db";
    std::string db = "--db '" + path.string() + "'";
    fs::path runtime = dir / "run";
    std::string env = "XDG_RUNTIME_DIR='" + runtime.string() + "'";

    SessionDb() {
        fs::create_directories(runtime);
        fs::permissions(runtime, fs::perms::owner_all, fs::perm_options::replace);
        const auto r = run_dtrack(db + " init --admin admin", kAdminEnv);
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    }
    // `dtrack --user NAME ARGS` with the password (when given) and the session folder.
    dt::test::CommandResult as(const std::string& user, const std::string& args, const std::string& password_env = "") const {
        return run_dtrack(db + " --user " + user + " " + args, env + " " + password_env);
    }
    dt::test::CommandResult login(const std::string& user = "admin", const std::string& password_env = kAdminEnv) const {
        const auto r = as(user, "login", password_env);
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        return r;
    }
    fs::path session_file() const {
        std::vector<fs::path> files;
        for (const auto& e : fs::directory_iterator(runtime / "directive-tracker")) files.push_back(e.path());
        REQUIRE(files.size() == 1);
        return files.front();
    }
    std::string token() const {
        std::ifstream in(session_file());
        std::string line;
        while (std::getline(in, line))
            if (line.rfind("token=", 0) == 0) return line.substr(6);
        return "";
    }
    void exec(const std::string& sql) const {
        SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE);
        raw.exec(sql);
    }
    int count(const std::string& sql) const {
        SQLite::Database raw(path.string(), SQLite::OPEN_READONLY);
        return raw.execAndGet(sql).getInt();
    }
};

unsigned mode_of(const fs::path& p) {
    struct stat st {};
    REQUIRE(stat(p.c_str(), &st) == 0);
    return st.st_mode & 07777;
}

void write_file(const fs::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << text;
}
}  // namespace

TEST_CASE("login then a command without a password works") {
    SessionDb s;
    const auto login = s.login();
    CHECK(login.out.find("Session file: " + s.session_file().string()) != std::string::npos);
    CHECK(login.out.find("8 h") != std::string::npos);  // when it expires, and the default lifetime
    CHECK(std::regex_search(login.out, std::regex("until [0-9]{2}/[0-9]{2}/[0-9]{4} [0-9]{2}:[0-9]{2}")));

    const auto list = s.as("admin", "list --json");  // no DTRACK_PASSWORD, standard input is /dev/null
    REQUIRE_MESSAGE(list.exit_code == 0, list.err);
    CHECK(nlohmann::json::parse(list.out).size() > 100);
    const auto update = s.as("admin", "update 1 --owner 'Lê Văn Minh'");
    CHECK_MESSAGE(update.exit_code == 0, update.err);
    // The journal names the signed-in user, as after a password sign-in.
    CHECK(s.count("SELECT count(*) FROM journal WHERE field = 'owner' AND user_name = 'admin'") == 1);
    // Without --user there is no sign-in at all, session or not.
    CHECK(run_dtrack(s.db + " list", s.env).exit_code == 3);
}

TEST_CASE("the token file is 0600 in a 0700 folder and only its hash is stored") {
    SessionDb s;
    s.login();
    const auto file = s.session_file();
    CHECK(mode_of(file) == 0600);
    CHECK(mode_of(file.parent_path()) == 0700);
    const auto token = s.token();
    CHECK(token.size() == 64);
    CHECK(s.count("SELECT count(*) FROM sessions") == 1);
    CHECK(s.count("SELECT count(*) FROM sessions WHERE token_hash = '" + token + "'") == 0);
    CHECK(s.count("SELECT count(*) FROM sessions WHERE length(token_hash) = 64 AND revoked = 0") == 1);

    SUBCASE("a file others may read is refused") {
        fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read | fs::perms::others_read,
                        fs::perm_options::replace);
        const auto r = s.as("admin", "list");
        CHECK(r.exit_code == 3);
        CHECK(r.err.find("0644") != std::string::npos);
    }
    SUBCASE("a file of another account is refused") {
        if (geteuid() != 0) return;  // only root can give a file away
        REQUIRE(chown(file.c_str(), 65534, 65534) == 0);
        const auto r = s.as("admin", "list");
        CHECK(r.exit_code == 3);
        CHECK(r.err.find("another account") != std::string::npos);
    }
    SUBCASE("a symbolic link is refused") {
        const auto moved = s.dir / "elsewhere";
        fs::rename(file, moved);
        fs::create_symlink(moved, file);
        CHECK(s.as("admin", "list").exit_code == 3);
    }
}

TEST_CASE("a tampered token is refused") {
    SessionDb s;
    s.login();
    const auto file = s.session_file();
    auto text = dt::test::read_text(file);
    const auto at = text.find("token=") + 6;
    text[at] = text[at] == '0' ? '1' : '0';
    write_file(file, text);
    fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace);
    const auto r = s.as("admin", "list");
    CHECK(r.exit_code == 3);
    CHECK(r.err.find("no longer valid") != std::string::npos);
    // Not hex, or cut short: refused the same way.
    write_file(file, "database=x\nuser=admin\ntoken=zz\n");
    CHECK(s.as("admin", "list").exit_code == 3);
    // The password still works, and changes nothing about the file.
    CHECK(s.as("admin", "list", kAdminEnv).exit_code == 0);
}

TEST_CASE("logout revokes the session and deletes the file") {
    SessionDb s;
    s.login();
    const auto file = s.session_file();
    const auto saved = dt::test::read_text(file);
    const auto r = run_dtrack(s.db + " logout", s.env);
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK_FALSE(fs::exists(file));
    CHECK(s.count("SELECT revoked FROM sessions") == 1);
    CHECK(s.as("admin", "list").exit_code == 3);
    // A copy of the file kept from before is worthless: the database revoked the token.
    write_file(file, saved);
    fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace);
    CHECK(s.as("admin", "list").exit_code == 3);
    // Logging out twice is harmless.
    fs::remove(file);
    const auto again = run_dtrack(s.db + " logout", s.env);
    CHECK(again.exit_code == 0);
    CHECK(again.out.find("No session") != std::string::npos);
}

TEST_CASE("an expired session is refused") {
    SessionDb s;
    s.login();
    REQUIRE(s.as("admin", "list").exit_code == 0);
    s.exec("UPDATE sessions SET expires_at = '2000-01-01T00:00:00Z'");
    const auto r = s.as("admin", "list");
    CHECK(r.exit_code == 3);
    CHECK(r.err.find("expired") != std::string::npos);
    // A new login starts a new session (and revokes the old one).
    s.login();
    CHECK(s.as("admin", "list").exit_code == 0);
    CHECK(s.count("SELECT count(*) FROM sessions WHERE revoked = 0") == 1);
}

TEST_CASE("a deactivated user's session stops working") {
    SessionDb s;
    const auto added = s.as("admin", "user add stc --role agency --agency 'Sở Tài chính'",
                            kAdminEnv + " DTRACK_NEW_PASSWORD='mật khẩu stc'");
    REQUIRE_MESSAGE(added.exit_code == 0, added.err);
    s.login("stc", "DTRACK_PASSWORD='mật khẩu stc'");
    REQUIRE(s.as("stc", "list").exit_code == 0);
    // The session is stc's: another user name does not get it.
    CHECK(s.as("admin", "list").exit_code == 3);
    REQUIRE(s.as("admin", "user deactivate stc", kAdminEnv).exit_code == 0);
    const auto refused = s.as("stc", "list");
    CHECK(refused.exit_code == 3);
    // Deactivation revoked the session: reactivating the account does not bring it back.
    REQUIRE(s.as("admin", "user activate stc", kAdminEnv).exit_code == 0);
    CHECK(s.as("stc", "list").exit_code == 3);
}

TEST_CASE("two databases do not share a session") {
    SessionDb a;
    a.login();
    dt::test::TempDir other;
    const std::string db_b = "--db '" + (other / "b.db").string() + "'";
    REQUIRE(run_dtrack(db_b + " init --no-seed --admin admin", kAdminEnv).exit_code == 0);
    CHECK(run_dtrack(db_b + " --user admin list", a.env).exit_code == 3);
    CHECK(a.as("admin", "list").exit_code == 0);
}

TEST_CASE("the lifetime of a session is a setting of the office") {
    SessionDb s;
    s.login();
    CHECK(s.as("admin", "session-lifetime 2").exit_code == 0);
    CHECK(s.as("admin", "session-lifetime 0").exit_code == 2);
    CHECK(s.as("admin", "session-lifetime 9999").exit_code == 2);
    const auto again = s.login();
    CHECK(again.out.find("2 h") != std::string::npos);
    CHECK(s.count("SELECT count(*) FROM sessions WHERE revoked = 0 AND "
                  "(julianday(expires_at) - julianday(created_at)) * 24 BETWEEN 1.99 AND 2.01") == 1);
}
