package cn.court.enforcement.casefile;

import java.util.LinkedHashMap;
import java.util.Map;

/** Kinds of property the network inquiry reports, with the labels of form property-item. */
public final class PropertyKinds {

  public static final Map<String, String> LABELS = labels();

  private PropertyKinds() {
  }

  private static Map<String, String> labels() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("deposit", "银行存款");
    labels.put("online-funds", "网络资金");
    labels.put("real-estate", "不动产");
    labels.put("vehicle", "车辆");
    labels.put("housing-fund", "住房公积金");
    labels.put("securities", "证券");
    labels.put("insurance", "保险");
    labels.put("equity", "股权");
    labels.put("other", "其他财产");
    return Map.copyOf(labels);
  }
}
