// Many people, one database: sign-in with a slow-down, users kept but deactivated,
// extensions of deadlines, completions sent back, evidence withdrawn.
#include "core/error.h"
#include "store/faults.h"
#include "core/text.h"
#include "service/passwords.h"
#include "store/store.h"
#include "service/service.h"

namespace dt::service {

namespace {
std::string required_reason(std::string_view text, Msg what) {
    auto clean = check_multi_line("The reason", text, kMaxReasonBytes);
    if (clean.empty()) fail(ErrorKind::Invalid, what);
    return clean;
}

// The one refusal of a sign-in, whatever the cause. The lock's length is an administrator's to
// see (user list): told here, it would say the name exists.

// An argon2id hash (the same parameters as hash_password) of a random password nobody knows:
// checked for unknown names and locked accounts so that they take as long as a real check.
constexpr const char* kDummyHash =
    "$argon2id$v=19$m=65536,t=2,p=1$c1pitOoqcI/NZtEi82YDqA$K68e7F7lWh8dTlRSD9I4DVRoyb3Oc1Zs4fZ1yWxLplY";

// A file this user may only read: nothing can be counted, and nothing written either
// (whoever can read the file can read the hashes anyway), so the password is checked uncounted.
bool read_only(const store::StorageError& e) {
    return e.fault() == store::Fault::ReadOnlyFile || e.fault() == store::Fault::ReadOnlyFolder;
}

std::string id_text(Id id) { return std::to_string(id); }

void require_writer(const Actor& actor) {
    if (actor.role == UserRole::Viewer) fail(ErrorKind::Denied, Msg::ViewerReadsOnly, {actor.name});
}
}  // namespace

long lock_seconds(int failures) {
    if (failures < kFailuresBeforeLock) return 0;
    long seconds = kFirstLockSeconds;
    for (int i = kFailuresBeforeLock; i < failures && seconds < kMaxLockSeconds; ++i) seconds *= 2;
    return std::min(seconds, kMaxLockSeconds);
}

// ---- sign-in and users ----

Actor Service::sign_in(std::string_view name, std::string_view password) {
    if (const auto connected = store_.server_user()) {
        // A server checked the password when this connection was made, as `connected`.
        const auto user = store_.find_user(*connected);
        if (!user || user->name != name) fail(ErrorKind::Denied, Msg::WrongUserOrPassword);
        if (!user->active) fail(ErrorKind::Denied, Msg::AccountDeactivated, {user->name});
        return Actor{user->id, user->name, user->role, user->agency_id, user->agency_name, credential_of(user->password_hash)};
    }
    const auto user = store_.find_user(name);
    // One message, and one argon2id check's time, for an unknown name, a wrong password and a
    // locked account: neither the words nor the clock tell a prober which names exist.
    if (!user) {
        verify_password(kDummyHash, password);
        fail(ErrorKind::Denied, Msg::SignInRefused);
    }
    // The attempt is counted, and the lock checked, BEFORE the password is: thirty guesses
    // at once each take their turn in claim_sign_in_attempt, and from the 5th on they find
    // the account locked instead of all being checked against a count nobody had raised yet.
    bool claimed = false;
    try {
        claimed = claim_sign_in_attempt(user->name);
    } catch (const Error& e) {
        if (e.kind() == ErrorKind::Denied) verify_password(kDummyHash, password);  // locked: as slow as a check
        throw;
    }
    if (!verify_password(user->password_hash, password)) fail(ErrorKind::Denied, Msg::SignInRefused);
    if (claimed) {
        store::Store::WriteTx tx(store_);
        // The right password lifts what this attempt (or earlier failures) counted.
        if (const auto now = store_.find_user(user->name); now && (now->failed_logins > 0 || now->locked_until)) {
            store_.set_login_failures(now->id, 0, std::nullopt);
            if (now->locked_until) journal(system(), "user", now->id, std::nullopt, "locked_until", now->locked_until, std::nullopt);
        }
        tx.commit();
    }
    // Told only to someone who knows the password: it reveals nothing to a guesser.
    if (!user->active) fail(ErrorKind::Denied, Msg::AccountDeactivated, {user->name});
    return Actor{user->id, user->name, user->role, user->agency_id, user->agency_name, credential_of(user->password_hash)};
}

bool Service::claim_sign_in_attempt(std::string_view name) {
    try {
        // One IMMEDIATE transaction: read the count, refuse while locked, count this attempt
        // as a failure and lock when it reaches the limit; a right password undoes it after.
        store::Store::WriteTx tx(store_);
        const auto user = store_.find_user(name);
        if (!user) fail(ErrorKind::Denied, Msg::SignInRefused);
        if (user->locked_until)
            if (const auto left = seconds_until(*user->locked_until); left && *left > 0)
                fail(ErrorKind::Denied, Msg::SignInRefused);
        const int failures = user->failed_logins + 1;
        const long seconds = lock_seconds(failures);
        std::optional<std::string> until;
        if (seconds > 0) until = timestamp_after(seconds);
        store_.set_login_failures(user->id, failures, until);
        if (until) journal(system(), "user", user->id, std::nullopt, "locked_until", user->locked_until, until);
        tx.commit();
        return true;
    } catch (const store::StorageError& e) {
        if (read_only(e)) return false;
        throw;
    } catch (const Error&) {
        throw;
    } catch (const std::exception& e) {
        const auto error = store::storage_error(e, store_.path(), "Cannot count the sign-in attempt in");
        if (read_only(error)) return false;
        throw error;
    }
}

store::UserRecord Service::find_user_or_fail(std::string_view name) const {
    auto user = store_.find_user(name);
    if (!user) fail(ErrorKind::Invalid, Msg::NoSuchUser, {quoted_input(name)});
    return std::move(*user);
}

std::string Service::reset_password(const Actor& actor, std::string_view name, std::string_view new_password,
                                   std::optional<std::string_view> current_password) {
    const bool own = actor.user_id && actor.name == name;
    if (!own) require_admin(actor, "set another user's password");
    const auto clean_password = check_new_password(new_password);
    if (own) {
        if (!current_password || current_password->empty())
            fail(ErrorKind::Denied, Msg::OwnPasswordNeedsCurrent);
        require_current(actor);
        sign_in(actor.name, *current_password);  // Denied when wrong; counted like any sign-in
    }
    find_user_or_fail(name);                          // before the slow hash
    const auto hash = hash_password(clean_password);  // slow: outside the write lock
    store::Store::WriteTx tx(store_);
    const auto user = find_user_or_fail(name);
    // Journalled first: once the hash changes, the actor changing its own no longer matches it.
    journal(actor, "user", user.id, std::nullopt, "password", std::nullopt, own ? "changed" : "reset by " + actor.name);
    store_.set_user_password(user.id, hash);
    store_.set_login_password(user.name, clean_password);
    store_.set_login_failures(user.id, 0, std::nullopt);
    // A new password ends the sessions opened with the old one.
    store_.revoke_sessions_of(user.id);
    tx.commit();
    return credential_of(hash);
}

void Service::set_user_active(const Actor& actor, std::string_view name, bool active) {
    require_admin(actor, active ? "reactivate users" : "deactivate users");
    store::Store::WriteTx tx(store_);
    const auto user = find_user_or_fail(name);
    if (user.active == active) return;
    if (!active) {
        if (actor.user_id && *actor.user_id == user.id)
            fail(ErrorKind::Invalid, Msg::AdminCannotDeactivateSelf);
        if (user.role == UserRole::Admin && store_.count_active_admins() <= 1)
            fail(ErrorKind::Invalid, Msg::LastAdmin, {user.name});
    }
    store_.set_user_active(user.id, active);
    store_.set_login_enabled(user.name, active);
    if (!active) store_.revoke_sessions_of(user.id);  // reactivation must not revive old sessions
    journal(actor, "user", user.id, std::nullopt, "active", user.active ? "1" : "0", active ? "1" : "0");
    tx.commit();
}

// ---- completion review and evidence ----

AssignmentView Service::send_back(const Actor& actor, Id assignment_id, std::string_view reason,
                                  std::optional<int> expect_version) {
    require_admin(actor, "send a completed assignment back");
    const auto why = required_reason(reason, Msg::ReasonForSendBack);
    store::Store::WriteTx tx(store_);
    const auto current = load(assignment_id);
    if (expect_version && *expect_version != current.version)
        fail(ErrorKind::Conflict, Msg::StaleVersion, {id_text(assignment_id), current.version, *expect_version});
    if (current.status != Status::Done)
        fail(ErrorKind::Invalid, Msg::SendBackNotDone, {id_text(assignment_id), MsgArg::of(current.status)});
    auto next = current;
    next.status = Status::InProgress;
    next.completed_on.reset();
    next.progress = std::min(current.progress, 99);  // 100 % would contradict "not done yet"
    next.review_note = why;
    if (!store_.update_assignment(next, current.version))
        fail(ErrorKind::Conflict, Msg::ChangedMeanwhile, {id_text(assignment_id)});
    journal(actor, "assignment", assignment_id, assignment_id, "status", std::string(to_string(current.status)),
            std::string(to_string(next.status)));
    if (next.progress != current.progress)
        journal(actor, "assignment", assignment_id, assignment_id, "progress", std::to_string(current.progress),
                std::to_string(next.progress));
    if (current.completed_on)
        journal(actor, "assignment", assignment_id, assignment_id, "completed_on", current.completed_on->iso(), std::nullopt);
    journal(actor, "assignment", assignment_id, assignment_id, "review",
            current.review_note.empty() ? std::nullopt : std::optional<std::string>(current.review_note), why);
    tx.commit();
    return get(assignment_id);
}

bool Service::withdraw_evidence(const Actor& actor, Id evidence_id, std::string_view reason) {
    const auto why = required_reason(reason, Msg::ReasonForWithdraw);
    store::Store::WriteTx tx(store_);
    const auto item = store_.evidence_item(evidence_id);
    if (!item) fail(ErrorKind::Invalid, Msg::NoSuchEvidence, {id_text(evidence_id)});
    const auto assignment = load(item->assignment_id);
    require_writer(actor);
    if (!can_edit(actor, assignment))
        fail(ErrorKind::Denied, Msg::WithdrawNotYours, {actor.name, id_text(evidence_id), assignment.agency, id_text(assignment.id)});
    if (item->withdrawn() || !store_.withdraw_evidence(evidence_id, actor.user_id, why))
        fail(ErrorKind::Invalid, Msg::AlreadyWithdrawn, {id_text(evidence_id), item->withdrawal_reason});
    const std::string shown = item->doc_ref.empty() ? item->note : item->doc_ref + ": " + item->note;
    journal(actor, "evidence", evidence_id, assignment.id, "evidence_withdrawn", shown, why);
    // "Done needs evidence" holds on every path: withdrawing the last evidence of a done
    // assignment reopens it, in the same transaction and journalled like a send-back.
    const bool reopen = assignment.status == Status::Done && assignment.evidence_count <= 1;
    if (reopen) {
        auto next = assignment;
        next.status = Status::InProgress;
        next.completed_on.reset();
        next.progress = std::min(assignment.progress, 99);
        next.review_note = "Minh chứng cuối cùng đã bị rút: " + why;
        if (!store_.update_assignment(next, assignment.version))
            fail(ErrorKind::Conflict, Msg::ChangedMeanwhile, {id_text(assignment.id)});
        journal(actor, "assignment", assignment.id, assignment.id, "status", std::string(to_string(assignment.status)),
                std::string(to_string(next.status)));
        if (next.progress != assignment.progress)
            journal(actor, "assignment", assignment.id, assignment.id, "progress", std::to_string(assignment.progress),
                    std::to_string(next.progress));
        if (assignment.completed_on)
            journal(actor, "assignment", assignment.id, assignment.id, "completed_on", assignment.completed_on->iso(),
                    std::nullopt);
        journal(actor, "assignment", assignment.id, assignment.id, "review",
                assignment.review_note.empty() ? std::nullopt : std::optional<std::string>(assignment.review_note),
                next.review_note);
    }
    tx.commit();
    return reopen;
}

// ---- extensions ----

Id Service::request_extension(const Actor& actor, Id assignment_id, Date to, std::string_view reason) {
    const auto why = required_reason(reason, Msg::ReasonForExtension);
    store::Store::WriteTx tx(store_);
    const auto a = load(assignment_id);
    require_writer(actor);
    if (!can_edit(actor, a))
        fail(ErrorKind::Denied, Msg::ExtensionNotYours, {actor.name, id_text(assignment_id), a.agency});
    if (!a.due)
        fail(ErrorKind::Invalid, Msg::NoDeadlineToExtend, {id_text(assignment_id)});
    if (a.status == Status::Done)
        fail(ErrorKind::Invalid, Msg::DoneNothingToExtend, {id_text(assignment_id)});
    if (to <= *a.due)
        fail(ErrorKind::Invalid, Msg::NewDateNotAfter, {to, *a.due});
    store::ExtensionQuery pending;
    pending.assignment_id = assignment_id;
    pending.pending_only = true;
    if (const auto open = store_.extensions(pending); !open.empty())
        fail(ErrorKind::Invalid, Msg::ExtensionPending, {id_text(assignment_id), id_text(open.front().id)});
    const Id id = store_.insert_extension(assignment_id, to, why, actor.user_id);
    journal(actor, "extension", id, assignment_id, "extension", std::nullopt, "pending " + to.iso() + ": " + why);
    tx.commit();
    return id;
}

store::ExtensionRecord Service::decide_extension(const Actor& actor, Id request_id, Decision decision, std::string_view note) {
    require_admin(actor, "decide on extension requests");
    const auto clean_note = check_multi_line("The note", note, kMaxReasonBytes);
    store::Store::WriteTx tx(store_);
    const auto request = store_.extension(request_id);
    if (!request) fail(ErrorKind::Invalid, Msg::NoSuchExtension, {id_text(request_id)});
    if (request->status != store::ExtensionStatus::Pending)
        fail(ErrorKind::Invalid, Msg::ExtensionAlreadyDecided, {id_text(request_id), MsgArg::of(request->status == store::ExtensionStatus::Approved ? Msg::WordApproved : request->status == store::ExtensionStatus::Refused ? Msg::WordRefused : Msg::WordPending), request->decided_by});
    const auto current = load(request->assignment_id);
    const bool approve = decision == Decision::Approve;
    if (approve && current.due && request->requested_due <= *current.due)
        fail(ErrorKind::Invalid, Msg::RequestedDateNotAfter, {request->requested_due, *current.due});
    const auto status = approve ? store::ExtensionStatus::Approved : store::ExtensionStatus::Refused;
    if (!store_.decide_extension(request_id, status, actor.user_id, clean_note))
        fail(ErrorKind::Conflict, Msg::ExtensionDecidedMeanwhile, {id_text(request_id)});
    if (approve) {
        auto next = current;
        next.due = request->requested_due;  // original_due stays: reports show both
        if (!store_.update_assignment(next, current.version))
            fail(ErrorKind::Conflict, Msg::ChangedMeanwhile, {id_text(current.id)});
        // Field "due" with ISO values, as update() writes it: reports' deadline changes read these rows.
        journal(actor, "assignment", current.id, current.id, "due",
                current.due ? std::optional<std::string>(current.due->iso()) : std::nullopt, next.due->iso());
    }
    std::string outcome = std::string(to_string(status)) + " " + request->requested_due.iso() + ": " + request->reason;
    if (!clean_note.empty()) outcome += " (" + clean_note + ")";
    journal(actor, "extension", request_id, current.id, "extension", "pending", outcome);
    tx.commit();
    return *store_.extension(request_id);
}

std::vector<store::ExtensionRecord> Service::extensions(const Actor& actor, bool pending_only) const {
    store::ExtensionQuery query;
    query.pending_only = pending_only;
    if (actor.role == UserRole::Agency) {
        if (!actor.agency_id) return {};
        query.agency_id = actor.agency_id;
    }
    return store_.extensions(query);
}

}  // namespace dt::service
