//! Builds the runtime's wasm blob (release, `wasm32v1-none`) for the node to embed.
//! `SKIP_WASM_BUILD=1` skips it for native-only work such as pallet tests and `cargo check`.

fn main() {
	#[cfg(all(feature = "std", not(feature = "metadata-hash")))]
	substrate_wasm_builder::WasmBuilder::build_using_defaults();

	#[cfg(all(feature = "std", feature = "metadata-hash"))]
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_metadata_hash("ASY", 12)
		.build();
}
