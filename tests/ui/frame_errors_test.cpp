// What the GUI does with an error that is not the database's: a message in its language, never
// the recovery screen ("damaged database") — a bug in a view must not look like a broken file.
#include <doctest/doctest.h>

#include <imgui.h>

#include <stdexcept>

#include "core/error.h"
#include "support.h"
#include "ui/headless.h"
#include "ui/recovery.h"
#include "ui/strings.h"

using namespace dt;

namespace {
struct Language {
    explicit Language(ui::Lang lang) { ui::set_language(lang); }
    ~Language() { ui::set_language(ui::Lang::Vi); }
};
}  // namespace

TEST_CASE("a view that throws something other than a database fault does not show the recovery screen") {
    test::Fixture fx;
    Language vi(ui::Lang::Vi);
    test::Headless gui;
    const auto id = fx.assignment_of("1.1", "Sở Tài chính");
    auto refuse = [&] {
        service::AssignmentChange change;
        change.status = Status::Done;  // no evidence yet: refused
        fx.service->update(fx.admin, id, change, std::nullopt);
    };
    struct Case {
        const char* what;
        std::function<void()> throws;
        std::string expected;
    };
    const Case cases[] = {
        {"a service refusal", refuse,
         "Phân công " + std::to_string(id) + " chưa thể đánh dấu hoàn thành khi chưa có minh chứng: hãy thêm minh chứng trước."},
        {"a report's file", [] { fail(ErrorKind::System, Msg::CannotWriteFile, {"/tmp/x.pdf", "No space left on device"}); },
         "Không ghi được '/tmp/x.pdf': No space left on device."},
        {"a bug in a view", [] { throw std::out_of_range("vector::at"); }, "vector::at"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.what);
        std::optional<ui::RecoveryState> recovery;
        std::string shown;
        gui.frames([&] {
            recovery = ui::guarded_frame(
                fx.dir.path() / "tracker.db",
                [&] {
                    ImGui::Begin("##main");
                    ImGui::BeginChild("##content");
                    c.throws();
                    ImGui::EndChild();
                    ImGui::End();
                },
                [&](const std::string& text) { shown = text; });
        });
        CHECK_FALSE(recovery.has_value());
        CHECK(shown == c.expected);
        CHECK(shown.find("--") == std::string::npos);
        CHECK(shown.find("evidence add") == std::string::npos);
        // The frame ended cleanly: the next one draws as if nothing had been left open.
        gui.frames([&] { ImGui::Begin("##next"); ImGui::End(); });
    }
}

TEST_CASE("a database fault still leads to the recovery screen, without a handler other errors go on to the caller") {
    test::Fixture fx;
    test::Headless gui;
    std::optional<ui::RecoveryState> recovery;
    bool handled = false;
    gui.frames([&] {
        recovery = ui::guarded_frame(
            fx.dir.path() / "tracker.db", [] { fail(ErrorKind::Storage, Msg::RestoreOpenable, {"x.db"}); },
            [&](const std::string&) { handled = true; });
    });
    CHECK(recovery.has_value());
    CHECK_FALSE(handled);
    bool thrown = false;
    gui.frames([&] {
        try {
            ui::guarded_frame(fx.dir.path() / "tracker.db", [] { fail(ErrorKind::Invalid, Msg::ProposalsEmpty); });
        } catch (const Error& e) {
            thrown = e.kind() == ErrorKind::Invalid;
        }
    });
    CHECK(thrown);
}

TEST_CASE("the GUI phrases a service refusal in its language, without the command line's hints") {
    test::Fixture fx;
    const auto id = fx.assignment_of("1.1", "Sở Tài chính");
    try {
        service::AssignmentChange change;
        change.status = Status::Done;
        fx.service->update(fx.admin, id, change, std::nullopt);
        FAIL("not refused");
    } catch (const Error& e) {
        CHECK(e.code() == Msg::DoneNeedsEvidence);
        {
            Language vi(ui::Lang::Vi);
            const auto text = ui::message(e);
            CHECK(text.find("chưa thể đánh dấu hoàn thành") != std::string::npos);
            CHECK(text.find("evidence") == std::string::npos);
        }
        {
            Language en(ui::Lang::En);
            const auto text = ui::message(e);
            CHECK(text == "Assignment " + std::to_string(id) + " cannot be marked done without evidence: add some first.");
        }
        CHECK(std::string(e.what()).ends_with("(evidence add)."));  // dtrack's English, as before
    }
}
