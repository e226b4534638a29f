// Test databases on a throwaway PostgreSQL cluster (DT_TEST_PG), made and dropped with psql.
#include <doctest/doctest.h>

#include <cstdlib>
#include <random>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "support.h"

namespace dt::test {

namespace {
struct UriParts {
    std::string scheme, userinfo, hostport, query;
};

// scheme://[userinfo@]hostport/dbname[?query]
UriParts split(const std::string& uri) {
    UriParts p;
    const auto s = uri.find("://");
    p.scheme = uri.substr(0, s + 3);
    const auto rest = uri.substr(s + 3);
    const auto slash = rest.find('/');
    auto authority = rest.substr(0, slash);
    if (const auto at = authority.rfind('@'); at != std::string::npos) {
        p.userinfo = authority.substr(0, at + 1);
        authority.erase(0, at + 1);
    }
    p.hostport = authority;
    if (const auto q = rest.find('?'); q != std::string::npos) p.query = rest.substr(q);
    return p;
}

std::string shell_quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

CommandResult run_psql(const std::string& uri, const std::string& sql, const std::string& env = "") {
    TempDir io;
    const auto out = io / "out";
    const std::string cmd = env + " psql -X -q -t -A -v ON_ERROR_STOP=1 " + shell_quote(uri) + " -c " + shell_quote(sql) +
                            " >'" + out.string() + "' 2>&1 </dev/null";
    const int status = std::system(cmd.c_str());
    CommandResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = read_text(out);
    return r;
}
}  // namespace

std::optional<std::string> test_pg_uri() {
    const char* uri = std::getenv("DT_TEST_PG");
    if (uri == nullptr || *uri == '\0') return std::nullopt;
    return std::string(uri);
}

PgDatabase::PgDatabase() {
    const auto base = test_pg_uri();
    REQUIRE_MESSAGE(base.has_value(), "DT_TEST_PG is not set");
    std::random_device rd;
    name = "dt_" + std::to_string(getpid()) + "_" + std::to_string(rd() % 1000000);
    const auto p = split(*base);
    uri = p.scheme + p.userinfo + p.hostport + "/" + name + p.query;
    const auto r = run_psql(*base, "CREATE DATABASE " + name);
    REQUIRE_MESSAGE(r.exit_code == 0, r.out);
}

std::string PgDatabase::uri_as(const std::string& user) const {
    const auto p = split(uri);
    return p.scheme + user + "@" + p.hostport + "/" + name + p.query;
}

CommandResult PgDatabase::psql(const std::string& user, const std::string& password, const std::string& sql) const {
    TempDir io;
    const auto out = io / "out";
    // Not ON_ERROR_STOP: every statement is tried, each refusal is in the output.
    const std::string cmd = "PGPASSWORD=" + shell_quote(password) + " psql -X -q -t -A " + shell_quote(uri_as(user)) +
                            " -c " + shell_quote(sql) + " >'" + out.string() + "' 2>&1 </dev/null";
    const int status = std::system(cmd.c_str());
    CommandResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = read_text(out);
    return r;
}

CommandResult PgDatabase::psql_owner(const std::string& sql) const { return run_psql(uri, sql); }

PgDatabase::~PgDatabase() {
    const auto base = *test_pg_uri();
    // The login roles made for this database: members of its group roles (cluster-wide names).
    const auto members = run_psql(base, "SELECT string_agg(DISTINCT quote_ident(m.rolname), ',') FROM pg_auth_members a "
                                        "JOIN pg_roles g ON g.oid = a.roleid JOIN pg_roles m ON m.oid = a.member "
                                        "WHERE g.rolname IN ('" + name + "_admin', '" + name + "_agency', '" + name +
                                        "_viewer')");
    run_psql(base, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    std::string roles = members.exit_code == 0 ? members.out : "";
    while (!roles.empty() && (roles.back() == '\n' || roles.back() == ' ')) roles.pop_back();
    if (!roles.empty()) run_psql(base, "DROP ROLE IF EXISTS " + roles);
    run_psql(base, "DROP ROLE IF EXISTS " + name + "_admin, " + name + "_agency, " + name + "_viewer");
}

SilentPort::SilentPort() {
    fd = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = 0;  // any free port
    REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
    REQUIRE(::listen(fd, 64) == 0);
    socklen_t n = sizeof a;
    REQUIRE(::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &n) == 0);
    port = ntohs(a.sin_port);
}

SilentPort::~SilentPort() {
    if (fd >= 0) ::close(fd);
}

std::string SilentPort::first_in(const std::string& uri, int timeout) const {
    const auto scheme = uri.find("://") + 3;
    const auto slash = uri.find('/', scheme);
    const auto at = uri.rfind('@', slash);
    const auto host = at == std::string::npos || at < scheme ? scheme : at + 1;
    std::string out = uri.substr(0, host) + "127.0.0.1:" + std::to_string(port) + "," + uri.substr(host);
    return out + (out.find('?') == std::string::npos ? "?" : "&") + "connect_timeout=" + std::to_string(timeout);
}

}  // namespace dt::test
