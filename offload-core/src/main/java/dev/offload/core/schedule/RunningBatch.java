package dev.offload.core.schedule;

import java.time.Duration;
import java.util.List;

public record RunningBatch(int number, List<String> hedgeableIds, double estimateSecs, Duration elapsed) {}
