/** Web plumbing every module's controllers use: problem documents, public JSON caching, request ids. */
@NamedInterface("web")
package dev.copydesk.shared.web;

import org.springframework.modulith.NamedInterface;
