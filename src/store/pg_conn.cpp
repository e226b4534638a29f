// The libpq wrapper: parameters, results, errors with their SQLSTATE.
#include "store/pg_conn.h"

#include <chrono>
#include <cstdlib>

#include "store/faults.h"

namespace dt::store {

namespace {
// Class 08 (connection exception) and the administrator ending the session or the server.
bool lost_state(const std::string& state) {
    return state.rfind("08", 0) == 0 || state == "57P01" || state == "57P02" || state == "57P03";
}

std::string unreachable(const std::string& message) {
    return "The database server cannot be reached (" + message + "): check the server and the network, then try again.";
}

ErrorKind kind_of(const std::string& state, bool lost) {
    if (lost || lost_state(state)) return ErrorKind::Storage;
    if (state == "42501" || state == "25006" || state == "28000" || state == "28P01") return ErrorKind::Denied;
    if (state == "40001" || state == "40P01") return ErrorKind::Conflict;
    return ErrorKind::Storage;
}

std::string sentence(const std::string& state, const std::string& message, bool lost) {
    if (lost || lost_state(state)) return unreachable(message);
    if (state == "28P01") return "Sign-in refused: the user name or password is wrong, or the user is deactivated.";
    if (state == "42501" || state == "25006") return "The database refused the change: " + message + ".";
    if (state == "40001" || state == "40P01")
        return "Someone else changed the same rows at the same time: reload and try again.";
    return "The database server reported an error: " + message + ".";
}
}  // namespace

PgError::PgError(std::string sqlstate, const std::string& message, bool connection_lost)
    : Error(kind_of(sqlstate, connection_lost), sentence(sqlstate, message, connection_lost)),
      sqlstate_(std::move(sqlstate)),
      connection_lost_(connection_lost) {}

PgParams& PgParams::add(std::string v) {
    values_.emplace_back(std::move(v));
    formats_.push_back(0);
    return *this;
}
PgParams& PgParams::add(const std::optional<std::string>& v) { return v ? add(*v) : null(); }
PgParams& PgParams::add(const std::optional<Date>& v) { return v ? add(v->iso()) : null(); }
PgParams& PgParams::add(const std::optional<std::int64_t>& v) { return v ? add(*v) : null(); }
PgParams& PgParams::null() {
    values_.emplace_back(std::nullopt);
    formats_.push_back(0);
    return *this;
}
PgParams& PgParams::bytes(std::string data) {
    values_.emplace_back(std::move(data));
    formats_.push_back(1);
    return *this;
}
std::vector<const char*> PgParams::values() const {
    std::vector<const char*> out;
    for (const auto& v : values_) out.push_back(v ? v->c_str() : nullptr);
    return out;
}
std::vector<int> PgParams::lengths() const {
    std::vector<int> out;
    for (const auto& v : values_) out.push_back(v ? static_cast<int>(v->size()) : 0);
    return out;
}
std::vector<int> PgParams::formats() const { return formats_; }

std::string PgResult::text(int row, int col) const {
    return std::string(PQgetvalue(r_.get(), row, col), static_cast<std::size_t>(PQgetlength(r_.get(), row, col)));
}
std::int64_t PgResult::i64(int row, int col) const {
    if (null(row, col)) return 0;
    return std::strtoll(PQgetvalue(r_.get(), row, col), nullptr, 10);
}
std::optional<std::string> PgResult::opt_text(int row, int col) const {
    if (null(row, col)) return std::nullopt;
    return text(row, col);
}
std::optional<Date> PgResult::opt_date(int row, int col) const {
    if (null(row, col)) return std::nullopt;
    return Date::parse_iso(text(row, col));
}
std::optional<std::int64_t> PgResult::opt_i64(int row, int col) const {
    if (null(row, col)) return std::nullopt;
    return i64(row, col);
}
std::string PgResult::bytes(int row, int col) const {
    std::size_t n = 0;
    auto* raw = PQunescapeBytea(reinterpret_cast<const unsigned char*>(PQgetvalue(r_.get(), row, col)), &n);
    if (raw == nullptr) return {};
    std::string out(reinterpret_cast<const char*>(raw), n);
    PQfreemem(raw);
    return out;
}
long PgResult::affected() const {
    const char* n = PQcmdTuples(r_.get());
    return n && *n ? std::strtol(n, nullptr, 10) : 0;
}

namespace {
// libpq's messages end with a newline and may span lines: one sentence is wanted.
std::string first_line(const char* message) {
    std::string m = message ? message : "";
    if (auto nl = m.find('\n'); nl != std::string::npos) m.resize(nl);
    if (m.rfind("ERROR:  ", 0) == 0) m.erase(0, 8);
    return m;
}
}  // namespace

PgConn::PgConn(const std::string& conninfo, const std::optional<std::string>& password,
               const std::optional<std::string>& user, std::string shown)
    : conn_(nullptr, &PQfinish), shown_(std::move(shown)) {
    // Keywords before dbname are defaults the URI may override; later ones override the URI
    // (expand_dbname = 1). Without a timeout a vanished network would hold the window for
    // minutes (the operating system's TCP timeouts).
    keys_ = {"connect_timeout", "keepalives_idle", "keepalives_interval", "keepalives_count", "dbname", "application_name"};
    values_ = {"5", "10", "5", "3", conninfo, "directive-tracker"};
    if (user) keys_.emplace_back("user"), values_.push_back(*user);
    if (password) keys_.emplace_back("password"), values_.push_back(*password);
    connect();
}

PgConn::PgConn(std::vector<std::string> keys, std::vector<std::string> values, std::string shown)
    : keys_(std::move(keys)), values_(std::move(values)), conn_(nullptr, &PQfinish), shown_(std::move(shown)) {
    connect();
}

PgConn::~PgConn() = default;

void PgConn::connect() {
    std::vector<const char*> keys, values;
    for (std::size_t i = 0; i < keys_.size(); ++i) keys.push_back(keys_[i].c_str()), values.push_back(values_[i].c_str());
    keys.push_back(nullptr);
    values.push_back(nullptr);
    conn_.reset(PQconnectdbParams(keys.data(), values.data(), 1));
    if (!conn_ || PQstatus(conn_.get()) != CONNECTION_OK) fail_connect();
    PQsetNoticeProcessor(conn_.get(), [](void*, const char*) {}, nullptr);  // NOTICEs are not for users
}

void PgConn::fail_connect() const {
    std::string m = conn_ ? PQerrorMessage(conn_.get()) : "out of memory";
    // The server answered but refused this user: a sign-in failure, not a storage fault.
    for (const char* refused : {"password authentication failed", "no password supplied", "not permitted to log in",
                                "no pg_hba.conf entry", "SCRAM"})
        if (m.find(refused) != std::string::npos) throw PgError("28P01", "sign-in refused by the database server", false);
    // libpq may try several addresses: the last line names the last failure, unless it is a
    // hint (indented: "\tIs the server running on that host …?"), which follows its failure.
    while (!m.empty() && m.back() == '\n') m.pop_back();
    for (auto nl = m.rfind('\n'); nl != std::string::npos; nl = m.rfind('\n')) {
        if (m[nl + 1] != '\t' && m[nl + 1] != ' ') {
            m.erase(0, nl + 1);
            break;
        }
        m.resize(nl);  // drop the hint
    }
    if (m.rfind("FATAL:  ", 0) == 0) m.erase(0, 8);
    throw StorageError(Fault::Unreachable, shown_, unreachable(m));
}

bool PgConn::reconnect_step(const std::function<void(const PgConn&)>& setup) {
    if (!attempt_.valid()) {
        // The thread gets copies of everything it needs and shares nothing with this PgConn.
        attempt_ = std::async(std::launch::async, [keys = keys_, values = values_, shown = shown_, setup] {
            std::unique_ptr<PgConn> fresh(new PgConn(keys, values, shown));
            setup(*fresh);
            return fresh;
        });
    }
    if (attempt_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return false;
    auto fresh = attempt_.get();  // rethrows the attempt's error; attempt_ is no longer valid
    conn_ = std::move(fresh->conn_);
    return true;
}

void PgConn::fail(const PgResult& r) const {
    const char* state = r.get() ? PQresultErrorField(r.get(), PG_DIAG_SQLSTATE) : nullptr;
    const bool lost = PQstatus(conn_.get()) != CONNECTION_OK;
    const std::string message = first_line(r.get() ? PQresultErrorMessage(r.get()) : PQerrorMessage(conn_.get()));
    if (lost || lost_state(state ? state : "")) throw StorageError(Fault::Unreachable, shown_, unreachable(message));
    throw PgError(state ? state : "", message, false);
}

PgResult PgConn::exec(const std::string& sql, const PgParams& params) const {
    const auto values = params.values();
    const auto lengths = params.lengths();
    const auto formats = params.formats();
    ++round_trips_;
    PgResult r(PQexecParams(conn_.get(), sql.c_str(), params.size(), nullptr, values.data(), lengths.data(),
                            formats.data(), 0));
    const auto status = PQresultStatus(r.get());
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return r;
    fail(r);
}

void PgConn::run(const std::string& sql) const {
    ++round_trips_;
    PgResult r(PQexec(conn_.get(), sql.c_str()));
    const auto status = PQresultStatus(r.get());
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return;
    fail(r);
}

int PgConn::drain_notifications() const {
    if (PQconsumeInput(conn_.get()) == 0 || PQstatus(conn_.get()) != CONNECTION_OK)
        throw StorageError(Fault::Unreachable, shown_, unreachable(first_line(PQerrorMessage(conn_.get()))));
    int count = 0;
    const int self = PQbackendPID(conn_.get());
    while (PGnotify* n = PQnotifies(conn_.get())) {
        if (n->be_pid != self) ++count;
        PQfreemem(n);
    }
    return count;
}

bool PgConn::in_transaction() const { return PQtransactionStatus(conn_.get()) != PQTRANS_IDLE; }

std::string PgConn::quote_ident(const std::string& name) const {
    char* q = PQescapeIdentifier(conn_.get(), name.c_str(), name.size());
    std::string out = q ? q : "";
    PQfreemem(q);
    return out;
}

std::string PgConn::quote_literal(const std::string& value) const {
    char* q = PQescapeLiteral(conn_.get(), value.c_str(), value.size());
    std::string out = q ? q : "";
    PQfreemem(q);
    return out;
}

}  // namespace dt::store
