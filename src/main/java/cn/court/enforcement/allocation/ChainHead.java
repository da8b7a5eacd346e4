package cn.court.enforcement.allocation;

/** The last link of the draw chain, kept in a one-row table that appends lock. */
public record ChainHead(long lastId, String lastHash) {}
