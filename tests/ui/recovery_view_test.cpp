// The recovery screen, driven headlessly: a damaged database shows what is wrong and the newest
// usable backup, and its button restores that backup through the same code as `dtrack restore`;
// a storage error in the middle of a frame ends the frame cleanly and leads to the screen.
#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <imgui.h>

#include <fstream>
#include <random>

#include "headless.h"
#include "store/backups.h"
#include "support.h"
#include "ui/recovery.h"
#include "ui/strings.h"
#include "ui/views.h"

using namespace dt;
namespace fs = std::filesystem;

namespace {
// A database with one automatic backup; the fixture's connection is closed, the file kept.
struct Damaged {
    test::Fixture fx;
    fs::path db;
    fs::path backup;
    std::size_t rows = 0;
    Damaged() : db(fx.store->path()) {
        rows = fx.service->list({}).size();
        backup = *store::daily_backup(*fx.store, store::kDefaultBackupDays);
        fx.service.reset();
        fx.store.reset();
    }
    void overwrite_page_of(const std::string& table) {
        std::int64_t offset = 0, size = 0;
        {
            // The table's root page, found with SQLite itself before it is damaged.
            SQLite::Database raw(db.string(), SQLite::OPEN_READONLY);
            size = raw.execAndGet("PRAGMA page_size").getInt64();
            offset = (raw.execAndGet("SELECT rootpage FROM sqlite_master WHERE name = '" + table + "'").getInt64() - 1) * size;
        }
        REQUIRE(offset > 0);
        std::fstream f(db, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(static_cast<std::streamoff>(offset));
        std::mt19937 rng(5);
        for (std::int64_t i = 0; i < size; ++i) f.put(static_cast<char>(rng() & 0xFF));
    }
};

ui::RecoveryState recovery_on_open(const fs::path& db) {
    try {
        store::Store::open(db);
    } catch (const std::exception& e) {
        return ui::recovery_for(e, db);
    }
    FAIL("the damaged database was opened");
    return {};
}
}  // namespace

TEST_CASE("the recovery screen names the fault and the newest backup, and its button restores it") {
    Damaged d;
    const auto size = fs::file_size(d.db);
    fs::resize_file(d.db, size / 2);
    auto state = recovery_on_open(d.db);
    CHECK(state.fault == store::Fault::Damaged);
    CHECK(state.restorable);
    REQUIRE(state.backup.has_value());
    CHECK(*state.backup == d.backup);
    CHECK(state.problem.find("bị cắt ngắn") != std::string::npos);  // in the GUI's language

    test::Headless gui;
    ui::RecoveryAction action = ui::RecoveryAction::None;
    auto draw = [&] {
        const auto a = ui::draw_recovery(state);
        if (a != ui::RecoveryAction::None) action = a;
    };
    gui.frames(draw, 2);
    CHECK(state.probes.count("recovery:restore") == 1);
    CHECK(state.probes.count("recovery:quit") == 1);
    CHECK(state.probes.count("recovery:retry") == 0);  // a restore mends it: no point in trying again
    REQUIRE(gui.click(state.probes, "recovery:restore", draw));
    CHECK(action == ui::RecoveryAction::Restored);
    CHECK(state.result.empty());
    REQUIRE_FALSE(state.kept.empty());
    CHECK(fs::file_size(state.kept) == size / 2);  // the damaged bytes, kept

    auto store = store::Store::open(d.db);
    service::Service service(*store);
    CHECK(service.check().empty());
    const auto admin = service.sign_in("admin", "mật-khẩu-quản-trị");
    CHECK(service.list({}).size() == d.rows);
}

TEST_CASE("the recovery screen without a backup, and for faults a restore does not mend") {
    Damaged d;
    SUBCASE("no usable backup: it says so, Try again and Quit") {
        fs::remove_all(store::backup_folder(d.db));
        { std::ofstream(d.db, std::ios::trunc) << "không phải cơ sở dữ liệu"; }
        auto state = recovery_on_open(d.db);
        CHECK(state.fault == store::Fault::NotDatabase);
        CHECK_FALSE(state.backup.has_value());
        test::Headless gui;
        ui::RecoveryAction action = ui::RecoveryAction::None;
        auto draw = [&] {
            if (const auto a = ui::draw_recovery(state); a != ui::RecoveryAction::None) action = a;
        };
        gui.frames(draw, 2);
        CHECK(state.probes.count("recovery:restore") == 0);
        REQUIRE(gui.click(state.probes, "recovery:quit", draw));
        CHECK(action == ui::RecoveryAction::Quit);
    }
    SUBCASE("a newer program's file: no restore offered") {
        {
            SQLite::Database raw(d.db.string(), SQLite::OPEN_READWRITE);
            raw.exec("PRAGMA user_version = 999");
        }
        auto state = recovery_on_open(d.db);
        CHECK(state.fault == store::Fault::Newer);
        CHECK_FALSE(state.restorable);
        test::Headless gui;
        gui.frames([&] { ui::draw_recovery(state); }, 2);
        CHECK(state.probes.count("recovery:retry") == 1);
        CHECK(state.probes.count("recovery:restore") == 0);
    }
}

TEST_CASE("a storage error in the middle of a frame ends the frame cleanly and leads to the recovery screen") {
    Damaged d;
    d.overwrite_page_of("assignments");
    // The file still opens: only reading the assignments fails, in the middle of drawing.
    auto store = store::Store::open(d.db);
    service::Service service(*store);
    const auto admin = service.sign_in("admin", "mật-khẩu-quản-trị");
    test::Headless gui;
    std::optional<ui::RecoveryState> recovery;
    for (const ImGuiTableFlags flags : {ImGuiTableFlags(ImGuiTableFlags_None), ImGuiTableFlags(ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg)}) {
        CAPTURE(flags);
        gui.frames([&] {
            recovery = ui::guarded_frame(d.db, [&] {
                ImGui::Begin("##main");
                ImGui::BeginChild("##content");
                ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 0, 0, 1));
                ImGui::BeginGroup();
                if (ImGui::BeginTable("rows", 2, flags, ImVec2(0, 300))) {
                    ImGuiListClipper clipper;
                    clipper.Begin(1000);
                    while (clipper.Step()) {
                        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                            ImGui::TableNextRow();
                            ImGui::TableNextColumn();
                            ImGui::PushID(i);
                            ImGui::SetNextItemOpen(true);
                            if (ImGui::TreeNode("node")) {
                                if (i == 0) service.list({});  // throws: the page is damaged
                                ImGui::TreePop();
                            }
                            ImGui::PopID();
                        }
                    }
                    ImGui::EndTable();
                }
                ImGui::EndGroup();
                ImGui::PopStyleColor();
                ImGui::EndChild();
                ImGui::End();
            });
        });
        REQUIRE(recovery.has_value());
        gui.frames([&] { ui::draw_recovery(*recovery); });
    }
    CHECK(recovery->fault == store::Fault::Damaged);
    CHECK(recovery->problem.find("malformed") != std::string::npos);
    REQUIRE(recovery->backup.has_value());
    // The next frames draw the screen as if nothing had been left open.
    gui.frames([&] { ui::draw_recovery(*recovery); }, 3);
    CHECK(recovery->probes.count("recovery:restore") == 1);

    // The real views: the same through draw_frame.
    ui::AppState state(service, admin);
    std::optional<ui::RecoveryState> again;
    gui.frames([&] { again = ui::guarded_frame(d.db, [&] { ui::draw_frame(state); }); });
    REQUIRE(again.has_value());
    CHECK(again->fault == store::Fault::Damaged);
}
