package cn.court.enforcement.allocation;

/**
 * Outcome of walking the draw chain.
 *
 * @param ok          every record intact, in order, and the chain ends at the recorded head
 * @param checked     records checked (up to and including the broken one)
 * @param headId      the chain head's last record id
 * @param headHash    the chain head's hash; noting it down elsewhere (minutes, a published
 *                    notice) lets a later check prove that no record was rewritten since
 * @param brokenId    first record that fails, or null
 * @param caseNumber  case of that record, or null
 * @param message     Chinese summary for people
 */
public record ChainVerification(boolean ok, long checked, long headId, String headHash,
    Long brokenId, String caseNumber, String message) {}
