//! Devices: libtorch_cuda linked, CUDA chosen when asked, and a CPU-trained segment replayed
//! on CUDA (run on a GPU machine; skipped elsewhere).

mod common;
use assay_learning::{
	cuda_available, distance_f64, DeviceChoice, LearningError, Trainer, TrainerOptions,
};
use assay_primitives::*;
use common::*;

#[test]
fn cuda_library_is_linked() {
	let lib = std::path::Path::new(env!("ASSAY_LIBTORCH_LIB"));
	let maps = std::fs::read_to_string("/proc/self/maps").unwrap();
	assert!(maps.contains("libtorch_cpu.so"));
	if lib.join("libtorch_cuda.so").exists() {
		// Without it, Cuda::is_available() is false even on a GPU machine.
		assert!(maps.contains("libtorch_cuda.so"), "libtorch_cuda.so is not loaded");
	}
	eprintln!("CUDA available: {}", cuda_available());
}

#[test]
fn devices_resolve_or_fail_clearly() {
	assert_eq!(DeviceChoice::Cpu.resolve().unwrap(), tch::Device::Cpu);
	let auto = DeviceChoice::CudaIfAvailable.resolve().unwrap();
	assert_eq!(auto == tch::Device::Cpu, !cuda_available());
	if !cuda_available() {
		assert!(matches!(
			DeviceChoice::Cuda(0).resolve(),
			Err(LearningError::DeviceUnavailable(_))
		));
	}
	assert!(matches!(
		DeviceChoice::Cuda(1_000).resolve(),
		Err(LearningError::DeviceUnavailable(_))
	));
}

#[test]
fn exact_mode_refuses_cuda() {
	let task = digits_task(adam(), VerificationMode::Exact);
	let options = TrainerOptions { device: DeviceChoice::Cuda(0), threads: None };
	assert!(matches!(
		Trainer::new(&task, load(&task), None, &options),
		Err(LearningError::DeviceUnavailable(_))
	));
}

#[test]
fn cuda_replay_of_a_cpu_segment_is_close() {
	if !cuda_available() {
		eprintln!("skipped: no CUDA device");
		return;
	}
	for model in [ModelSpec::Mlp { layers: Layers::truncate_from(vec![64, 128, 10]) }] {
		let mut task = digits_task(adam(), tolerance());
		task.model = model;
		let committed = train_all(&task);
		let gpu = TrainerOptions { device: DeviceChoice::Cuda(0), threads: None };
		let mut verifier = Trainer::new(&task, load(&task), None, &gpu).unwrap();
		for segment in 0..committed.len() - 1 {
			let run = verifier.replay(&committed[segment], 10, false).unwrap();
			let d = [DistanceMetric::L2, DistanceMetric::Linf, DistanceMetric::Cosine]
				.map(|m| distance_f64(&run.checkpoint, &committed[segment + 1], m).unwrap());
			eprintln!(
				"segment {segment}: CPU vs CUDA replay: L2 {:.3e} Linf {:.3e} cosine {:.3e}",
				d[0], d[1], d[2]
			);
			assert!(d[0] < 1e-3, "{d:?}");
		}
		// The state moved back from the GPU hashes like any other.
		let on_gpu = verifier.checkpoint().unwrap();
		assert_eq!(
			on_gpu,
			assay_learning::Checkpoint::from_bytes(&on_gpu.to_bytes().unwrap()).unwrap()
		);
	}
}
