package cn.onedoor.bridge;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import cn.onedoor.casefile.CaseCodes;
import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The case a callback answers for, by its case code (一案一码): required and well formed. Declared once
 * for the callback bodies of every system. {@code @JacksonAnnotationsInside} lets the OpenAPI
 * description (swagger-core reads a property's annotations through Jackson) show the required field
 * and its pattern, as if written out.
 */
@Documented
@Constraint(validatedBy = {})
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE})
@Retention(RUNTIME)
@JacksonAnnotationsInside
@NotBlank(message = "必填")
@Pattern(regexp = CaseCodes.FORMAT, message = "格式为 县代码-年份-6位序号")
public @interface CallbackCaseCode {

  String message() default "格式为 县代码-年份-6位序号";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
