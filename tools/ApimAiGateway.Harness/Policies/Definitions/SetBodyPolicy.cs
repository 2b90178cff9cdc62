using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>set-body (set-body-policy 2023-01; newer attributes from the policy toolkit; apim-reference §4.4).</summary>
public sealed class SetBodyPolicy() : PolicyDefinition(
    Spec,
    "Sets the request or response body.",
    // on-error is not in the page's Usage, but setting an error body there is common and accepted by the service;
    // accepting it avoids false errors.
    PolicySections.All,
    PolicyScopes.All)
{
    /// <summary>Also the <c>&lt;set-body&gt;</c> child of return-response and the send-request policies.</summary>
    public static ElementSpec Spec { get; } = Policy("set-body")
        // The page's attribute table names only "liquid", but its sibling get-authorization-context-policy prints
        // <set-body template="none"> in every example, and published AI-Gateway labs deploy it.
        .Enumeration("template", ["liquid", "none"], expressions: false)
        .Enumeration("xsi-nil", ["blank", "null"], expressions: false, defaultValue: "blank")
        .Boolean("parse-date", defaultValue: "true")
        // An empty <set-body/> clears the body, so the text is optional.
        .Text(TextContent.OptionalValue)
        // The body may be written as XML markup: the page's "Convert JSON to SOAP using a Liquid template" example
        // puts a <soap:Envelope> element tree straight inside <set-body>, and the snippets repository's chained SOAP
        // sample does the same. That markup is the body, not policy statements.
        .AnyXml()
        .Build();
}
