package fr.saisine.platform.access;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The staff member may not read what they asked for (403). Worded the same whether or not the
 * case exists, so that references cannot be probed.
 */
@ResponseStatus(HttpStatus.FORBIDDEN)
public class AccessRefusedException extends RuntimeException {

    public AccessRefusedException(String what) {
        super(what + " is not in your sectors");
    }
}
