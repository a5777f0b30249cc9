package org.kechuang.platform.web;

/**
 * A link in the portal's main navigation, contributed as a bean by the module that serves the page, so the navigation
 * shows exactly the capabilities that exist.
 *
 * @param order position from left to right
 * @param messageKey message-bundle key of the label
 * @param path the page
 * @param authority the authority a user needs to see the link ({@code ROLE_OPERATOR}, …), or {@code null} for all
 */
public record NavigationItem(int order, String messageKey, String path, String authority) {

    public static NavigationItem forEveryone(int order, String messageKey, String path) {
        return new NavigationItem(order, messageKey, path, null);
    }

    public static NavigationItem forAuthority(int order, String messageKey, String path, String authority) {
        return new NavigationItem(order, messageKey, path, authority);
    }
}
