use substrate_build_script_utils::{generate_cargo_keys, rerun_if_git_head_changed};

fn main() {
	// Sets SUBSTRATE_CLI_IMPL_VERSION (`<version>-<commit>`), shown by `--version` and in logs.
	generate_cargo_keys();
	rerun_if_git_head_changed();
}
