/**
 * Technical ground every business module stands on: the database (embedded PostgreSQL or an external one),
 * web security, RFC 9457 errors, languages and mail. It knows nothing of the business.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Platform",
        type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.kechuang.platform;
