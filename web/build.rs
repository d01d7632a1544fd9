//! A larger stack for the page's wasm: the JavaScript engine recurses deeply (more so in debug
//! builds), and wasm's default 1 MiB stack overflows into a "memory access out of bounds" trap.
fn main() {
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-bins=-zstack-size=8388608");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
