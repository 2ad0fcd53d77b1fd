package fr.saisine.platform.security;

import org.springframework.core.MethodParameter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets a controller method take the signed-in {@link StaffMember} as a parameter. */
final class CurrentStaffResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == StaffMember.class;
    }

    @Override
    public StaffMember resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
            NativeWebRequest request, WebDataBinderFactory binders) {
        StaffMember staff = StaffClaims.of(SecurityContextHolder.getContext().getAuthentication());
        if (staff == null) {
            // the security chain lets no anonymous request reach a staff endpoint; this is a backstop
            throw new AccessDeniedException("no signed-in staff member");
        }
        return staff;
    }
}
