package cn.onedoor.bridge;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The id another system gives its callback, unchanged when it sends the callback again ({@link
 * CallbackInbox} keys on it): required, 1-100 letters, digits or {@code ._:-}. Declared once for
 * the callback bodies of every system. {@code @JacksonAnnotationsInside} lets the OpenAPI
 * description (swagger-core reads a property's annotations through Jackson) show the required field
 * and its pattern, as if written out.
 */
@Documented
@Constraint(validatedBy = {})
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE})
@Retention(RUNTIME)
@JacksonAnnotationsInside
@NotBlank(message = "必填")
@Pattern(regexp = CallbackId.FORMAT, message = "1-100 位字母、数字或 ._:-")
public @interface CallbackId {

  String FORMAT = "[A-Za-z0-9._:-]{1,100}";

  String message() default "1-100 位字母、数字或 ._:-";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
