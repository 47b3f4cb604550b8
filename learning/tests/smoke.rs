#[test]
fn links_libtorch() {
	let t = tch::Tensor::from_slice(&[1.0f32, 2.0]);
	assert_eq!(f32::try_from(t.sum(tch::Kind::Float)).unwrap(), 3.0);
	println!("cuda: {}", assay_learning::cuda_available());
}
