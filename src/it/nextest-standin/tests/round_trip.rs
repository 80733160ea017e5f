#[test]
fn round_trip() {
    assert_eq!(offload_it_nextest::add(-1, 1), 0);
}
