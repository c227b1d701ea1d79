package org.migrationkit.sms.testing.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs each test of the annotated class on an empty {@link
 * org.migrationkit.sms.testing.SmsSimulator} with an {@link org.migrationkit.sms.SmsClient} signed
 * for it, both injected as parameters: {@link SmsSimulatorExtension} with its defaults, registered
 * on the class.
 *
 * <pre>{@code
 * @SmsSimulatorTest
 * class TaskListTest {
 *   @Test
 *   void listTasks_emptySimulator_countsNone(SmsClient sms) {
 *     assertEquals(0, sms.listTasks(ListTasksRequest.builder().build()).getCount());
 *   }
 *
 *   @Test
 *   void showServer_addedServer_isFound(SmsSimulator simulator, SmsClient sms) {
 *     String id = simulator.addSourceServer("web-1").getId();
 *     assertEquals("web-1",
 *         sms.showServer(ShowServerRequest.builder().sourceId(id).build()).getName());
 *   }
 * }
 * }</pre>
 *
 * <p>One simulator serves the class (and its {@code @Nested} classes), reset before each test; see
 * {@link SmsSimulatorExtension} for parallel execution, the journal printed when a test fails, and
 * the builder for other credentials, clocks or options ({@code @RegisterExtension} instead of this
 * annotation).
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(SmsSimulatorExtension.class)
public @interface SmsSimulatorTest {}
