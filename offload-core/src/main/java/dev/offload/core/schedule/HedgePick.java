package dev.offload.core.schedule;

import java.util.List;

public record HedgePick(int batchNumber, List<String> ids) {}
