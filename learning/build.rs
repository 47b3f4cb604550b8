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
//! binary crate (a worker) needs the same two lines in its own build script.

use std::path::Path;

fn main() {
	println!("cargo:rerun-if-env-changed=DEP_TCH_LIBTORCH_LIB");
	let Ok(libtorch_lib) = std::env::var("DEP_TCH_LIBTORCH_LIB") else {
		println!("cargo:warning=torch-sys did not report its libtorch directory; no rpath set");
		return;
	};
	println!("cargo:rustc-link-arg=-Wl,-rpath={libtorch_lib}");
	// For the test that checks which libtorch libraries the process loaded.
	println!("cargo:rustc-env=ASSAY_LIBTORCH_LIB={libtorch_lib}");
	if Path::new(&libtorch_lib).join("libtorch_cuda.so").exists() {
		println!("cargo:rustc-link-arg=-Wl,--push-state,--no-as-needed,-ltorch_cuda,--pop-state");
		// at::cuda::warp_size(), exported by libtorch_cuda.so only.
		println!("cargo:rustc-link-arg=-Wl,--undefined=_ZN2at4cuda9warp_sizeEv");
	}
}
