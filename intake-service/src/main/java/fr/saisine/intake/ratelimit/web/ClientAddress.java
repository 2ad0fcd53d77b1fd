package fr.saisine.intake.ratelimit.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

/**
 * The address a request comes from, for the rate limit. {@code X-Forwarded-For} is believed only
 * as far as trusted proxies wrote it ({@code saisine.intake.trusted-proxies}, addresses or CIDR
 * ranges): read from the right, the first address that is not a trusted proxy is the client's.
 * Anyone else's header is ignored, as anyone can send one to pass for a new address each time.
 */
@Component
class ClientAddress {

    private final List<IpAddressMatcher> trusted;

    ClientAddress(@Value("${saisine.intake.trusted-proxies:}") List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(IpAddressMatcher::new).toList();
    }

    String of(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        if (!isTrusted(address)) {
            return address;
        }
        List<String> forwarded = request.getHeaders("X-Forwarded-For") == null ? List.of()
                : java.util.Collections.list(request.getHeaders("X-Forwarded-For")).stream()
                        .flatMap(header -> java.util.Arrays.stream(header.split(",")))
                        .map(String::strip).filter(s -> !s.isEmpty()).toList();
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            address = forwarded.get(i);
            if (!isTrusted(address)) {
                return address;
            }
        }
        return address;
    }

    private boolean isTrusted(String address) {
        for (IpAddressMatcher proxy : trusted) {
            try {
                if (proxy.matches(address)) {
                    return true;
                }
            }
            catch (IllegalArgumentException notAnAddress) {
                return false;
            }
        }
        return false;
    }
}
