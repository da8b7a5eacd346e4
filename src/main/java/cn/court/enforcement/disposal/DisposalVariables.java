package cn.court.enforcement.disposal;

import java.util.Map;

/** Process variables of {@code asset-disposal} (contract of issue 13 §1 and §2, and the forms' keys). */
public final class DisposalVariables {

  public static final String PROCESS_KEY = "asset-disposal";
  public static final String REPORTED_MESSAGE = "AssetDisposalReported";

  // Given by the case (contract §1)
  public static final String CASE_NUMBER = "caseNumber";
  public static final String CASE_INSTANCE_ID = "caseInstanceId";
  public static final String HANDLING_TEAM = "handlingTeam";
  public static final String PROPERTY_ITEM_ID = "propertyItemId";
  public static final String PROPERTY_KIND = "propertyKind";
  public static final String ASSET_DESCRIPTION = "assetDescription";

  // Set by the disposal
  /** The role processes/auction-handler.dmn names. */
  public static final String AUCTION_ROLE = "auctionRole";
  /** Its holder in the organisation file: the disposal's tasks are assigned to them. */
  public static final String AUCTION_HANDLER = "auctionHandler";
  public static final String AUCTION_HANDLER_NAME = "auctionHandlerName";
  public static final String REFERENCE_METHOD = "referenceMethod";
  public static final String REFERENCE_PRICE = "referencePrice";
  public static final String OBJECTION_PERIOD = "objectionPeriod";
  public static final String OBJECTION_PERIOD_ENDS = "objectionPeriodEnds";
  public static final String AUCTION_ROUND = "auctionRound";
  public static final String START_PRICE = "startPrice";
  public static final String FIRST_START_PRICE = "firstStartPrice";
  public static final String FIRST_PLATFORM = "firstAuctionPlatform";
  public static final String FIRST_AUCTION_ENDED = "firstAuctionEndedAt";
  public static final String AUCTION_STARTS_AT = "auctionStartsAt";
  public static final String AUCTION_ENDS_AT = "auctionEndsAt";
  public static final String AUCTION_RESULT = "auctionResult";
  public static final String SALE_OFF_PRICE = "saleOffPrice";
  public static final String SALE_OFF_ENDS = "saleOffEnds";
  public static final String SALE_OFF_RESULT = "saleOffResult";
  public static final String FINAL_PRICE = "finalPrice";
  public static final String DISPOSAL_OUTCOME = "disposalOutcome";
  public static final String DISPOSAL_PAYER = "disposalPayer";
  public static final String PROCEEDS = "proceedsAmount";
  public static final String PROCEEDS_ARRIVED_ON = "proceedsArrivedOn";
  public static final String OUTCOME_REASON = "outcomeReason";

  // Values of DISPOSAL_OUTCOME, reported to the case (contract §2)
  public static final String SOLD = "sold";
  public static final String SOLD_OFF = "sold-off";
  public static final String IN_LIEU = "in-lieu";
  public static final String RELEASED = "released";
  public static final String KEPT = "kept";
  /** Each outcome as the case shows it. */
  public static final Map<String, String> OUTCOME_LABELS = Map.of(
      SOLD, "拍卖成交",
      SOLD_OFF, "变卖成交",
      IN_LIEU, "以物抵债",
      RELEASED, "解除查封",
      KEPT, "继续查封");

  /** Whether the asset was realised (sold or taken in lieu), rather than released or kept under seizure. */
  public static boolean realised(String outcome) {
    return !RELEASED.equals(outcome) && !KEPT.equals(outcome);
  }

  private DisposalVariables() {
  }
}
