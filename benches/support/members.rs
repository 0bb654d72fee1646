//! Benchmark data: many organisations, each with a focal point and an alternate in CR-GAO,
//! written straight to the database in one transaction (the join dialog is not what is measured).

use cluster_bot::services::Ctx;

/// `orgs` new organisations `BENCH00000…` with a focal point (French) and an alternate
/// (English) each in CR-GAO; Telegram ids from `first_telegram_id`. Returns (Telegram id,
/// organisation id) of every member, focal points first within an organisation.
pub async fn populate_gao(ctx: &Ctx, orgs: i64, first_telegram_id: i64) -> Vec<(i64, i64)> {
    let pool = ctx.db.pool();
    let mut tx = pool.begin().await.unwrap();
    let gao: i64 =
        sqlx::query_scalar("SELECT id FROM mechanisms WHERE code = 'CR-GAO'").fetch_one(&mut *tx).await.unwrap();
    let mut members = Vec::with_capacity(orgs as usize * 2);
    for i in 0..orgs {
        let org: i64 = sqlx::query_scalar(
            "INSERT INTO organisations (acronym, full_name, kind, observer) VALUES (?, ?, 'other', 0) RETURNING id",
        )
        .bind(format!("BENCH{i:05}"))
        .bind(format!("Organisation {i}"))
        .fetch_one(&mut *tx)
        .await
        .unwrap();
        for (j, role) in ["focal", "alternate"].into_iter().enumerate() {
            let tg = first_telegram_id + i * 2 + j as i64;
            let person: i64 = sqlx::query_scalar(
                "INSERT INTO people (telegram_id, display_name, language, created_at) VALUES (?, ?, ?, 0) RETURNING id",
            )
            .bind(tg)
            .bind(format!("Member {tg}"))
            .bind(if j == 0 { "fr" } else { "en" })
            .fetch_one(&mut *tx)
            .await
            .unwrap();
            sqlx::query(
                "INSERT INTO memberships (person_id, organisation_id, mechanism_id, role, status, principles_accepted_at, started_at)
                 VALUES (?, ?, ?, ?, 'active', 0, 0)",
            )
            .bind(person)
            .bind(org)
            .bind(gao)
            .bind(role)
            .execute(&mut *tx)
            .await
            .unwrap();
            members.push((tg, org));
        }
    }
    tx.commit().await.unwrap();
    members
}
