use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    cluster_bot::cli::main().await
}
