#pragma once
// Shared test fixtures: a temporary folder, a store with the registry, hand-built outlines.
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "core/error.h"
#include "importer/outline.h"
#include "service/service.h"
#include "store/store.h"

namespace dt::test {

class TempDir {
public:
    TempDir();
    ~TempDir();
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

// A database with the Cao Bằng registry and a small hand-built directive "99/CT-TEST":
// task 1.1 (Sở Tài chính lead, Sở Xây dựng coordinate, due 2025-06-30),
// task 1.2 (group UBND các huyện, thành phố, due 2025-12-31, about "giải ngân vốn"),
// task 2.1 (Sở Công Thương, no deadline).
struct Fixture {
    TempDir dir;
    std::unique_ptr<store::Store> store;
    std::unique_ptr<service::Service> service;
    service::Actor admin;
    Fixture();
    // Adds a user with a fast path (the service still hashes with argon2id) and signs in.
    service::Actor add_user(const std::string& name, UserRole role, std::optional<std::string> agency = {});
    store::Id assignment_of(const std::string& task_ref, const std::string& agency) const;
};

// Fixes "now" (dates and the journal's timestamps) at noon UTC of `day` while it lives: a test
// changes a database over several dates as the office would have.
struct FixedClock {
    explicit FixedClock(Date day);
    ~FixedClock();
    FixedClock(const FixedClock&) = delete;
    FixedClock& operator=(const FixedClock&) = delete;
};

importer::Outline small_outline();

std::string read_text(const std::filesystem::path& path);

// The kind of dt::Error that `f` raises; a test failure when it raises none.
ErrorKind kind_of(const std::function<void()>& f);

struct CommandResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};
// Runs the built dtrack with arguments (each quoted), environment assignments prefixed.
CommandResult run_dtrack(const std::string& args, const std::string& env = "");

}  // namespace dt::test
