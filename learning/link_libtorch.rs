// Included by the build scripts of the packages whose binaries link libtorch (learning,
// workers); learning/build.rs explains each argument.

use std::path::Path;

/// Prints the link arguments that make this package's binaries load libtorch (see the
/// package's build.rs).
fn link_libtorch() {
	println!("cargo:rerun-if-env-changed=DEP_TCH_LIBTORCH_LIB");
	println!("cargo:rerun-if-changed=build.rs");
	println!("cargo:rerun-if-changed={}", file!());
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
