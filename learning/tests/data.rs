//! Datasets: formats, gzip, sha256 checks, fetching over HTTP, and bad input.

mod common;
use assay_learning::{fetch, Dataset, LearningError, Trainer, TrainerOptions};
use assay_primitives::*;
use common::*;
use std::io::{Read, Write};

fn read_gz(name: &str) -> Vec<u8> {
	let mut out = Vec::new();
	flate2::read::MultiGzDecoder::new(std::fs::File::open(fixture(name)).unwrap())
		.read_to_end(&mut out)
		.unwrap();
	out
}

fn mnist_ref(uri: Uri, sha256: Sha256) -> DatasetRef {
	DatasetRef { uri, sha256, format: DatasetFormat::MnistIdx, train_samples: 80 }
}

#[test]
fn mnist_idx_gzipped_and_plain_parse_the_same() {
	let gz = Dataset::fetch(
		&mnist_ref(file_uri("mnist-100.idx.gz"), sha(MNIST_100_SHA256)),
		cache().path(),
	)
	.unwrap();
	assert_eq!(gz.len(), 100);
	assert_eq!(gz.sample_shape(), [1, 28, 28]);
	assert_eq!(gz.train_samples(), 80);
	assert_eq!(gz.held_out_samples(), 20);
	assert_eq!(gz.label_bound(), 10);

	let dir = cache();
	let plain = dir.path().join("mnist-100.idx");
	std::fs::write(&plain, read_gz("mnist-100.idx.gz")).unwrap();
	let uri = Uri::truncate_from(format!("file://{}", plain.display()).into_bytes());
	let plain = Dataset::fetch(&mnist_ref(uri, sha(MNIST_100_SHA256)), cache().path()).unwrap();
	assert_eq!(plain.len(), 100);
}

#[test]
fn csv_parses_features_then_label() {
	let data = Dataset::parse(b"1,2,3\n4.5,-6,0\n\n", DatasetFormat::Csv, 1).unwrap();
	assert_eq!(data.len(), 2);
	assert_eq!(data.sample_shape(), [2]);
	assert_eq!(data.label_bound(), 4);
	let digits = load(&digits_task(Optimizer::Sgd, VerificationMode::Exact));
	assert_eq!(digits.len(), 1797);
	assert_eq!(digits.sample_width(), 64);
	assert_eq!(digits.held_out_samples(), 297);
}

#[test]
fn wrong_sha256_is_refused() {
	let mut wrong = sha(DIGITS_SHA256);
	wrong[0] ^= 1;
	let dataset = DatasetRef {
		uri: file_uri("digits.csv.gz"),
		sha256: wrong,
		format: DatasetFormat::Csv,
		train_samples: 10,
	};
	match Dataset::fetch(&dataset, cache().path()) {
		Err(LearningError::HashMismatch { actual, .. }) => assert_eq!(actual, DIGITS_SHA256),
		other => panic!("expected HashMismatch, got {other:?}"),
	}
	// The hash is of the decompressed content: the gzip file's own hash is refused too.
	let gz_sha = sha256(&std::fs::read(fixture("digits.csv.gz")).unwrap());
	let dataset = DatasetRef { sha256: gz_sha, ..dataset };
	assert!(matches!(
		Dataset::fetch(&dataset, cache().path()),
		Err(LearningError::HashMismatch { .. })
	));
}

#[test]
fn malformed_idx_is_refused() {
	let content = read_gz("mnist-100.idx.gz");
	let malformed = |bytes: &[u8]| {
		assert!(
			matches!(
				Dataset::parse(bytes, DatasetFormat::MnistIdx, 10),
				Err(LearningError::MalformedIdx(_))
			),
			"{} bytes",
			bytes.len()
		)
	};
	// Truncated anywhere: in the header, the pixels, the labels header, the labels.
	for cut in [0, 3, 10, 16, 1000, 16 + 78_400, 16 + 78_400 + 5, content.len() - 1] {
		malformed(&content[..cut]);
	}
	// Trailing garbage.
	let mut longer = content.clone();
	longer.push(0);
	malformed(&longer);
	// Labels count disagreeing with images.
	let mut counts = content.clone();
	counts[16 + 78_400 + 7] = 99;
	malformed(&counts);
	// Not idx at all.
	malformed(b"hello world, this is not idx data");
	// A truncated gzip stream is a gzip error when fetched.
	let gz = std::fs::read(fixture("mnist-100.idx.gz")).unwrap();
	let dir = cache();
	let path = dir.path().join("cut.gz");
	std::fs::write(&path, &gz[..gz.len() / 2]).unwrap();
	let uri = Uri::truncate_from(format!("file://{}", path.display()).into_bytes());
	assert!(matches!(
		Dataset::fetch(&mnist_ref(uri, sha(MNIST_100_SHA256)), cache().path()),
		Err(LearningError::Gzip { .. })
	));
}

#[test]
fn malformed_csv_is_refused() {
	for bad in
		[&b"1,2,x\n"[..], b"1,2,3\n1,2\n", b"1,2,-1\n", b"1,2,1.5\n", b"5\n", b"", b"1,inf,2\n"]
	{
		assert!(
			matches!(
				Dataset::parse(bad, DatasetFormat::Csv, 1),
				Err(LearningError::MalformedCsv { .. })
			),
			"{:?}",
			String::from_utf8_lossy(bad)
		);
	}
	assert!(matches!(
		Dataset::parse(b"1,2,3\n", DatasetFormat::Csv, 2),
		Err(LearningError::NotEnoughSamples { available: 1, declared: 2 })
	));
}

#[test]
fn data_that_does_not_fit_the_model_is_refused() {
	let task = digits_task(Optimizer::Sgd, VerificationMode::Exact);
	// An MLP for MNIST on the 64-feature digits.
	let mut mnist_mlp = task.clone();
	mnist_mlp.model = ModelSpec::Mlp { layers: Layers::truncate_from(vec![784, 10]) };
	assert!(matches!(
		Trainer::new(&mnist_mlp, load(&task), None, &TrainerOptions::default()),
		Err(LearningError::ShapeMismatch(_))
	));
	// Fewer classes than labels.
	let mut five = task.clone();
	five.model = ModelSpec::Mlp { layers: Layers::truncate_from(vec![64, 5]) };
	assert!(matches!(
		Trainer::new(&five, load(&task), None, &TrainerOptions::default()),
		Err(LearningError::LabelOutOfRange { sample: 9, label: 9, classes: 5 })
	));
	// LeNet on 8x8 digits.
	let mut lenet = task.clone();
	lenet.model = ModelSpec::LeNet { input_channels: 1, input_side: 28, classes: 10 };
	assert!(matches!(
		Trainer::new(&lenet, load(&task), None, &TrainerOptions::default()),
		Err(LearningError::ShapeMismatch(_))
	));
	// A batch larger than the training split.
	let mut batch = task.clone();
	batch.hyper.batch_size = 5000;
	assert!(matches!(
		Trainer::new(&batch, load(&task), None, &TrainerOptions::default()),
		Err(LearningError::InvalidTask(_))
	));
	// A module file for a built-in model.
	assert!(matches!(
		Trainer::new(&task, load(&task), Some(b"x"), &TrainerOptions::default()),
		Err(LearningError::ModelFile(_))
	));
}

#[test]
fn unsupported_uris_are_refused() {
	for uri in ["ftp://example.org/x", "/etc/passwd", "s3://bucket/key"] {
		assert!(matches!(
			fetch::fetch_verified(uri, &[0; 32], fetch::Compression::AsIs, cache().path()),
			Err(LearningError::UnsupportedUri(_))
		));
	}
	assert!(matches!(
		fetch::fetch_verified(
			"file:///nonexistent/file",
			&[0; 32],
			fetch::Compression::AsIs,
			cache().path()
		),
		Err(LearningError::Io { .. })
	));
}

/// Serves `body` to every request on a local port, for at most `requests` requests.
fn serve(body: Vec<u8>, requests: usize) -> (String, std::thread::JoinHandle<usize>) {
	let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
	let address = listener.local_addr().unwrap();
	let handle = std::thread::spawn(move || {
		let mut served = 0;
		for stream in listener.incoming().take(requests) {
			let mut stream = stream.unwrap();
			let mut request = [0u8; 4096];
			let _ = stream.read(&mut request).unwrap();
			let header = format!(
				"HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
				body.len()
			);
			stream.write_all(header.as_bytes()).unwrap();
			stream.write_all(&body).unwrap();
			served += 1;
		}
		served
	});
	(format!("http://{address}/digits.csv.gz"), handle)
}

#[test]
fn http_fetch_verifies_and_caches() {
	let body = std::fs::read(fixture("digits.csv.gz")).unwrap();
	let (uri, server) = serve(body, 1);
	let dir = cache();
	let dataset = DatasetRef {
		uri: Uri::truncate_from(uri.into_bytes()),
		sha256: sha(DIGITS_SHA256),
		format: DatasetFormat::Csv,
		train_samples: 1500,
	};
	assert_eq!(Dataset::fetch(&dataset, dir.path()).unwrap().len(), 1797);
	assert_eq!(server.join().unwrap(), 1);
	// The server is gone: the second fetch is served from the cache, by content hash.
	assert!(dir.path().join(DIGITS_SHA256).exists());
	assert_eq!(Dataset::fetch(&dataset, dir.path()).unwrap().len(), 1797);
	// A tampered cache entry is not trusted (and the server is gone: a fetch error).
	std::fs::write(dir.path().join(DIGITS_SHA256), b"tampered").unwrap();
	assert!(matches!(Dataset::fetch(&dataset, dir.path()), Err(LearningError::Fetch { .. })));
}

#[test]
fn http_content_with_the_wrong_hash_is_refused_and_not_cached() {
	let (uri, server) = serve(b"1,2,3\n".to_vec(), 1);
	let dir = cache();
	let dataset = DatasetRef {
		uri: Uri::truncate_from(uri.into_bytes()),
		sha256: sha(DIGITS_SHA256),
		format: DatasetFormat::Csv,
		train_samples: 1,
	};
	assert!(matches!(
		Dataset::fetch(&dataset, dir.path()),
		Err(LearningError::HashMismatch { .. })
	));
	server.join().unwrap();
	assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn shared_mnist_when_present() {
	// The full MNIST training set from ../shared/data, when this checkout has it.
	let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/data/mnist");
	let images = shared.join("train-images-idx3-ubyte.gz");
	let labels = shared.join("train-labels-idx1-ubyte.gz");
	if !images.exists() {
		eprintln!("skipped: {} not present", shared.display());
		return;
	}
	let dir = cache();
	let joined = dir.path().join("mnist.idx.gz");
	let mut bytes = std::fs::read(images).unwrap();
	bytes.extend(std::fs::read(labels).unwrap());
	std::fs::write(&joined, bytes).unwrap();
	let uri = Uri::truncate_from(format!("file://{}", joined.display()).into_bytes());
	let sha = sha("c5097fdd51cfdbe7695fd9df3612695696864b5c424f58d843ffdc5d335e9914");
	let data =
		Dataset::fetch(&DatasetRef { train_samples: 55_000, ..mnist_ref(uri, sha) }, dir.path())
			.unwrap();
	assert_eq!(data.len(), 60_000);
	assert_eq!(data.held_out_samples(), 5_000);
}

#[test]
fn absurd_models_are_refused_before_allocating() {
	let task = digits_task(Optimizer::Sgd, VerificationMode::Exact);
	for layers in [vec![64, u32::MAX, 10], vec![64, 1 << 20, 1 << 20, 10]] {
		let mut huge = task.clone();
		huge.model = ModelSpec::Mlp { layers: Layers::truncate_from(layers) };
		assert!(matches!(
			Trainer::new(&huge, load(&task), None, &TrainerOptions::default()),
			Err(LearningError::InvalidTask(_))
		));
	}
	let mut lenet = task.clone();
	lenet.model = ModelSpec::LeNet { input_channels: 255, input_side: u16::MAX, classes: u32::MAX };
	assert!(Trainer::new(&lenet, load(&task), None, &TrainerOptions::default()).is_err());
}
