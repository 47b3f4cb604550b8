//! Assay learning engine (work in progress).
pub fn cuda_available() -> bool {
	tch::Cuda::is_available()
}
