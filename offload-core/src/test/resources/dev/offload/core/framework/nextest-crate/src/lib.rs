pub fn add(a: i32, b: i32) -> i32 {
    a + b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adds() {
        assert_eq!(add(1, 2), 3);
    }

    #[test]
    fn fails_on_purpose() {
        assert_eq!(add(2, 2), 5, "two and two");
    }

    #[test]
    #[ignore]
    fn ignored_slow() {
        assert_eq!(add(0, 0), 0);
    }
}
