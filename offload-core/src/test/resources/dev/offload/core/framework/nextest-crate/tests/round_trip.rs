#[test]
fn round_trip() {
    assert_eq!(nextest_fixture::add(-1, 1), 0);
}
