//! The workers link libtorch through the learning engine and need the same rpath and
//! `libtorch_cuda` link arguments as its own binaries (`learning/build.rs` explains them):
//! `cargo:rustc-link-arg` only reaches the package's own binaries.

include!("../learning/link_libtorch.rs");

fn main() {
	link_libtorch();
}
