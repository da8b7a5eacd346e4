package cn.court.enforcement.disclosure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the acceptance notice prints beside the query code.
 *
 * @param courtName the court named on the notice
 * @param queryPageUrl where applicants open the query, as printed; unset: the staff page's own address
 *     followed by {@code /public/disclosure.html} (right when applicants reach the application under the same name)
 */
@ConfigurationProperties(prefix = "court.disclosure")
public record DisclosureProperties(@DefaultValue("某县人民法院（演示）") String courtName, String queryPageUrl) {}
