//! The administration subcommands through the binary: each prints what it did, or exits
//! non-zero with a one-line reason.

use cluster_bot::domain::Role;
use cluster_bot::services::membership;
use std::path::Path;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_cluster-bot");

fn cli(db: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .env("DATABASE_URL", db)
        .env_remove("TELOXIDE_TOKEN")
        .env_remove("TELOXIDE_API_URL")
        .env("RUST_LOG", "warn")
        .output()
        .unwrap()
}

fn ok(db: &Path, args: &[&str]) -> String {
    let out = cli(db, args);
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn refused(db: &Path, args: &[&str], reason: &str) {
    let out = cli(db, args);
    assert!(!out.status.success(), "{args:?} succeeded");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
    assert!(err.contains(reason), "{args:?}: {err}");
}

/// Two members joined through real invitations, written to a database file the binary opens.
async fn seeded(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("a.db");
    {
        let db = cluster_bot::storage::Db::connect(&format!("sqlite://{}", path.display())).await.unwrap();
        let clock = cluster_bot::domain::SystemClock;
        let ctx = cluster_bot::services::Ctx::new(
            db,
            std::sync::Arc::new(clock),
            chrono_tz::Africa::Bamako,
            chrono::Duration::days(14),
        );
        for (tg, name, org, mech, role) in
            [(10, "Moussa Focal", "NRC", "CPN", Role::Focal), (11, "Fatou Alt", "DRC/DDG", "CPN", Role::Alternate)]
        {
            let o = membership::organisation(&ctx, org).await.unwrap();
            let m = membership::mechanism(&ctx, mech).await.unwrap();
            let issued =
                membership::issue_invitation(&ctx, membership::Issuer::CommandLine, &o, &m, role, false).await.unwrap();
            let inv = membership::open_invitation(&ctx, issued.code.as_str()).await.unwrap();
            let p = cluster_bot::services::people::identify(&ctx, tg, name, None, None).await.unwrap();
            membership::accept_invitation(&ctx, &p, inv.id, None).await.unwrap();
        }
        ctx.db.close().await;
    }
    path
}

#[tokio::test]
async fn members_chairs_coordinators_invitations_audit_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path()).await;
    ok(&db, &["admin", "add-coordinator", "--telegram-id", "1", "--name", "Awa Coordo"]);

    let list = ok(&db, &["member", "list", "--mechanism", "CPN"]);
    assert!(list.contains("CPN: observers receive minutes and documents: yes"), "{list}");
    assert!(list.contains("Moussa Focal\t10\tNRC\tfocal"), "{list}");
    assert!(list.contains("Fatou Alt\t11\tDRC/DDG\talternate"), "{list}");
    assert!(
        ok(&db, &["member", "list", "--mechanism", "GCS"]).contains("GCS: observers receive minutes and documents: no")
    );

    let chair = ok(&db, &["chair", "add", "--telegram-id", "10", "--mechanism", "CR-GAO"]);
    assert!(chair.contains("chair: CR-GAO\tMoussa Focal\t10\tNRC\tchair"), "{chair}");
    refused(&db, &["chair", "add", "--telegram-id", "10", "--mechanism", "CR-GAO"], "already");
    assert!(ok(&db, &["chair", "remove", "--telegram-id", "10", "--mechanism", "CR-GAO"]).contains("no longer chair"));
    refused(&db, &["chair", "remove", "--telegram-id", "10", "--mechanism", "CR-GAO"], "is not chair of CR-GAO");

    let removed = ok(&db, &["member", "remove", "--telegram-id", "11", "--mechanism", "CPN"]);
    assert!(removed.contains("removed: CPN\tFatou Alt"), "{removed}");
    refused(&db, &["member", "remove", "--telegram-id", "11", "--mechanism", "CPN"], "holds no seat in CPN");
    refused(&db, &["member", "remove", "--telegram-id", "404"], "nobody with Telegram id 404");

    refused(&db, &["admin", "remove-coordinator", "--telegram-id", "1"], "last coordinator");
    ok(&db, &["admin", "add-coordinator", "--telegram-id", "2", "--name", "Binta"]);
    assert!(ok(&db, &["admin", "remove-coordinator", "--telegram-id", "1"]).contains("no longer a coordinator"));
    refused(&db, &["admin", "remove-coordinator", "--telegram-id", "1"], "is not a coordinator");

    // Invitations: issued, listed, revoked by the code printed.
    let issued = ok(&db, &["invite", "--org", "NRC", "--mechanism", "CR-GAO", "--role", "focal"]);
    let code = issued.lines().find_map(|l| l.strip_prefix("code: ")).unwrap().to_string();
    let pending = ok(&db, &["invite", "list"]);
    assert!(pending.contains("CR-GAO\tNRC\tfocal") && pending.contains("by the command line"), "{pending}");
    let revoked = ok(&db, &["invite", "revoke", "--code", &code]);
    assert!(revoked.contains("revoked: #") && revoked.contains("CR-GAO NRC focal"), "{revoked}");
    assert!(ok(&db, &["invite", "list"]).contains("no pending invitation"));
    refused(&db, &["invite", "revoke", "--code", &code], "expired");
    refused(&db, &["invite", "revoke", "--code", "nonsense"], "not valid");
    assert!(!cli(&db, &["invite", "--org", "NRC"]).status.success(), "clap asks for the missing arguments");

    // The observer policy.
    assert!(
        ok(&db, &["mechanism", "observers", "--mechanism", "CPN", "--receive", "no"])
            .contains("CPN: observers receive minutes and documents: no")
    );
    refused(&db, &["mechanism", "observers", "--mechanism", "CPN", "--receive", "maybe"], "yes or no");

    let trail = ok(&db, &["audit"]);
    for action in [
        "joined",
        "coordinator_added",
        "chair_added",
        "chair_removed",
        "removed",
        "coordinator_removed",
        "invitation_issued",
        "invitation_revoked",
        "observer_policy",
    ] {
        assert!(trail.lines().any(|l| l.split('\t').nth(1) == Some(action)), "{action} missing:\n{trail}");
    }
    let removal = trail.lines().find(|l| l.split('\t').nth(1) == Some("removed")).unwrap();
    assert!(removal.contains("Fatou Alt (11)") && removal.contains("CPN") && removal.contains("DRC/DDG"), "{removal}");
    assert!(ok(&db, &["audit", "--since", "2999-01-01"]).contains("nothing recorded since 2999-01-01"));
    refused(&db, &["audit", "--since", "yesterday"], "YYYY-MM-DD");

    // Erasure.
    let erased = ok(&db, &["person", "erase", "--telegram-id", "10"]);
    assert!(erased.contains("erased: now [erased #") && erased.contains("1 seat(s) ended"), "{erased}");
    assert!(!ok(&db, &["member", "list"]).contains("Moussa"));
    assert!(!ok(&db, &["audit"]).contains("Moussa"), "no name left in the audit");
    refused(&db, &["person", "erase", "--telegram-id", "10"], "nobody with Telegram id 10");
    refused(&db, &["person", "erase", "--telegram-id", "-3"], "positive Telegram user id");

    assert!(ok(&db, &["purge"]).contains("purged 0 dialogue(s) older than 30 days"));
}

#[tokio::test]
async fn the_command_line_prints_the_invitations_a_removal_revoked() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path()).await;
    ok(&db, &["admin", "add-coordinator", "--telegram-id", "1", "--name", "Awa Coordo"]);
    ok(&db, &["chair", "add", "--telegram-id", "10", "--mechanism", "CR-GAO"]);
    {
        // The chair invites a focal point for CR-GAO from Telegram (the service the bot uses).
        let conn = cluster_bot::storage::Db::connect(&format!("sqlite://{}", db.display())).await.unwrap();
        let ctx = cluster_bot::services::Ctx::new(
            conn,
            std::sync::Arc::new(cluster_bot::domain::SystemClock),
            chrono_tz::Africa::Bamako,
            chrono::Duration::days(14),
        );
        let p = cluster_bot::storage::people::by_telegram_id(&ctx.db, 10).await.unwrap().unwrap();
        let chair = cluster_bot::services::people::access(&ctx, p).await.unwrap();
        let o = membership::organisation(&ctx, "IRC").await.unwrap();
        let m = membership::mechanism(&ctx, "CR-GAO").await.unwrap();
        membership::issue_invitation(&ctx, membership::Issuer::Person(&chair), &o, &m, Role::Focal, false)
            .await
            .unwrap();
        ctx.db.close().await;
    }
    assert!(ok(&db, &["invite", "list"]).contains("CR-GAO\tIRC\tfocal"));
    let out = ok(&db, &["chair", "remove", "--telegram-id", "10", "--mechanism", "CR-GAO"]);
    assert!(out.contains("no longer chair"), "{out}");
    assert!(out.contains("revoked (its issuer may no longer invite): #") && out.contains("CR-GAO IRC focal"), "{out}");
    assert!(ok(&db, &["invite", "list"]).contains("no pending invitation"));
}
