//! Build, serve and test orchestration: `cargo xtask <build|serve|test>`.
fn main() -> anyhow::Result<()> {
    anyhow::bail!("xtask: not yet wired")
}
