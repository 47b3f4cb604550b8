//! Link settings that make binaries and tests of this package find and really load libtorch.
//!
//! - `-rpath`: the libtorch directory that torch-sys linked against is embedded, so nothing
//!   needs `LD_LIBRARY_PATH`.
//! - `libtorch_cuda`: nothing in the Rust code references a CUDA symbol, so with rustc's
//!   default `--as-needed` the library is dropped and `Cuda::is_available()` is false even on a
//!   GPU machine. rustc puts these arguments after torch-sys's `-ltorch_cuda`, so a plain
//!   `-Wl,--no-as-needed` comes too late. Two arguments keep it, one per linker family:
//!   - `--push-state,--no-as-needed,-ltorch_cuda,--pop-state` names the library again, not
//!     as-needed (GNU ld; the state cannot leak onto later libraries);
//!   - mold (this repository's linker, .cargo/config.toml) ignores a library named twice, so
//!     `--undefined=at::cuda::warp_size()` also makes the program need a symbol that only
//!     libtorch_cuda defines, which keeps it whatever the order.
//!
//! The `cuda_library_is_linked` test checks the result.
//!
//! `cargo:rustc-link-arg` applies to this package's own binaries and tests only: a downstream
//! binary crate (the workers) includes `link_libtorch.rs` in its own build script.

include!("link_libtorch.rs");

fn main() {
	link_libtorch();
}
