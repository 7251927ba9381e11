package io.github.flatchrlucca.operations;

import io.github.flatchrlucca.operations.logging.PersonalDataMask;

/**
 * An alert's text as the team's chat is sent it. Alerts quote what others wrote (Lucca's answer to a refused create, a
 * tenants file's fault, an application Flatchr's API gave), so the chat gets what the logs get: e-mail addresses and
 * phone numbers masked. And Slack reads {@code <...|...>} in a message as a link under any words it likes, so '&',
 * '<' and '>' are escaped as Slack asks (Mattermost, whose Markdown decodes the same entities, shows them alike): a
 * text no alert meant as markup is never a link to somewhere else under the connector's name.
 */
final class ChatText {

    private ChatText() {
    }

    static String of(String alert) {
        return PersonalDataMask.mask(alert).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
