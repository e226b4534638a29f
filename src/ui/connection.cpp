// Mất kết nối: the banner over the window while the server cannot be reached, and reconnecting.
#include "ui/connection.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>

#include "core/error.h"
#include "ui/strings.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace dt::ui {

namespace {
double now() { return ImGui::GetCurrentContext() ? ImGui::GetTime() : 0.0; }
}  // namespace

double retry_delay(int attempts) { return std::min(30.0, std::pow(2.0, std::max(0, attempts))); }

void connection_lost(AppState& s, const std::string& problem) {
    auto& c = s.connection;
    c.problem = problem;
    if (c.lost) return;
    c.lost = true;
    c.attempts = 0;
    c.next_try = now() + retry_delay(0);
}

bool try_reconnect(AppState& s) {
    auto& c = s.connection;
    try {
        // Never waits on the network: an attempt runs in the background, polled each frame.
        c.connecting = s.service.reconnect() == store::Link::Connecting;
        if (c.connecting) return false;
        s.data_version = s.service.data_version();
    } catch (const service::StorageError& e) {
        if (e.fault() != service::Fault::Unreachable) throw;
        c.connecting = false;
        c.problem = e.what();
        c.next_try = now() + retry_delay(++c.attempts);
        return false;
    } catch (const Error& e) {
        // The server refused the account meanwhile (deactivated, password changed): sign in again.
        if (e.kind() != ErrorKind::Denied) throw;
        c.connecting = false;
        s.signed_out = true;
        return false;
    }
    c = {};
    s.data_changed();  // everything is read again; the editor's buffers stay (only a new selection refills them)
    s.report(tr(T::Reconnected), false);
    return true;
}

void draw_connection_banner(AppState& s) {
    auto& c = s.connection;
    if (!c.lost) return;
    const bool due = c.connecting || now() >= c.next_try;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0.99f, 0.93f, 0.80f, 1.0f));
    ImGui::PushStyleColor(ImGuiCol_Border, ImVec4(0.85f, 0.55f, 0.10f, 1.0f));
    const float line = ImGui::GetTextLineHeightWithSpacing();
    ImGui::BeginChild("##connection", ImVec2(0, line * 5.2f), true, ImGuiWindowFlags_NoScrollbar);
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.62f, 0.25f, 0.02f, 1.0f));
    ImGui::TextUnformatted(tr(T::ConnectionLost));
    ImGui::PopStyleColor();
    ImGui::SameLine();
    char wait[96];
    if (due) std::snprintf(wait, sizeof wait, "%s", tr(T::Reconnecting));
    else std::snprintf(wait, sizeof wait, "%s %.0f %s.", tr(T::RetryingIn), std::ceil(c.next_try - now()), tr(T::Seconds));
    ImGui::TextDisabled("%s", wait);
    ImGui::SameLine();
    // While an attempt runs, another would only wait behind it.
    ImGui::BeginDisabled(c.connecting);
    const bool pressed = ImGui::SmallButton(tr(T::TryAgain));
    ImGui::EndDisabled();
    probe(s, "connection:retry");
    ImGui::TextUnformatted(tr(T::ConnectionKept));
    // What to do, in the window's language; then the server's own words, for whoever looks after it.
    ImGui::TextUnformatted(tr(T::AdviceUnreachable));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", c.problem.c_str());
    ImGui::PopStyleColor();
    ImGui::EndChild();
    ImGui::PopStyleColor(2);
    if (pressed || due) try_reconnect(s);
}

std::optional<RecoveryState> app_frame(AppState& s, const std::filesystem::path& database) {
    // Not the database (a view's bug, a file, the system): the sentence in the status line and the log.
    auto r = guarded_frame(database, [&] { draw_frame(s); }, [&](const std::string& text) {
        std::cerr << "directive-tracker: " << text << "\n";
        s.report(text, true);
    });
    if (r && r->fault == service::Fault::Unreachable) {
        connection_lost(s, r->problem);
        return std::nullopt;
    }
    return r;
}

}  // namespace dt::ui
