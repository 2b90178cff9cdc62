using System.Globalization;

namespace ApimAiGateway.Harness.Tests.Context;

/// <summary>
/// The call shapes policies use, compiled with exactly the implicit usings of policy expressions and run
/// against a context with known values. Shapes come from "API Management policy expressions" and the
/// Azure/api-management-policy-snippets expression cheat-sheet.
/// </summary>
public sealed class ExpressionCallShapeTests
{
    public static readonly TheoryData<string, string> Shapes = new()
    {
        { """context.Request.Headers.GetValueOrDefault("X-Multi","")""", "a,b" },
        { """context.Request.Headers.GetValueOrDefault("x-multi","none")""", "a,b" },
        { """context.Request.Headers.GetValueOrDefault("X-Missing","none")""", "none" },
        { """context.Request.Headers.GetValueOrDefault("Authorization")?.Split(' ')[0]""", "Bearer" },
        { """context.Request.Headers.GetValueOrDefault("X-Missing")?.Split(' ')[0] ?? "absent" """, "absent" },
        { """context.Request.Url.Query.GetValueOrDefault("v")""", "2" },
        { """context.Request.Url.Query.GetValueOrDefault("tag", "")""", "a,b" },
        { """context.Request.Url.Path + context.Request.Url.QueryString""", "/orders/42?v=2&tag=a&tag=b" },
        { """context.Request.Url.Port""", "8443" },
        { """context.Variables.GetValueOrDefault<int>("n", 0)""", "5" },
        { """context.Variables.GetValueOrDefault<int>("missing", 7)""", "7" },
        { """context.Variables.GetValueOrDefault<string>("x")""", "hello" },
        { """context.Variables["x"]""", "hello" },
        { """context.Variables.ContainsKey("x")""", "True" },
        { """((IResponse)context.Variables["r"]).StatusCode""", "201" },
        { """context.Request.MatchedParameters["id"]""", "42" },
        { """context.Request.MatchedParameters.GetValueOrDefault("missing", "-")""", "-" },
        { """context.Request.Body.As<JObject>(preserveContent: true)["model"].ToString()""", "gpt-4o" },
        { """context.Request.Body.As<string>()""", """{"model":"gpt-4o"}""" },
        { """context.Request.Body.As<byte[]>().Length""", "18" },
        { """context.Response.Body.As<JArray>().Count""", "3" },
        { """context.Response.Body.As<JToken>(preserveContent: true).Type""", "Array" },
        { """((IResponse)context.Variables["r"]).Body.As<XElement>().Attribute("id").Value""", "42" },
        { """((IResponse)context.Variables["r"]).Body.As<XDocument>(true).Root.Name.LocalName""", "order" },
        { """((IResponse)context.Variables["f"]).Body.AsFormUrlEncodedContent(true).ToQueryString()""", "?a=1&a=2&b=x%20y" },
        { """((IResponse)context.Variables["f"]).Body.AsFormUrlEncodedContent(true).ToFormUrlEncodedContent()""", "a=1&a=2&b=x%20y" },
        { """context.Request.Headers.GetValueOrDefault("Authorization","").Split(' ').Last().AsJwt()?.Claims.GetValueOrDefault("sub", "")""", "alice" },
        { """context.Request.Headers.GetValueOrDefault("Authorization","").AsJwt()?.Claims.GetValueOrDefault("aud")""", "api://one,api://two" },
        { """ "Bearer x".Split(' ').Last().AsJwt()?.Claims.GetValueOrDefault("sub", "") ?? "invalid" """, "invalid" },
        { """context.Request.Headers.GetValueOrDefault("Authorization","").TryParseJwt(out var jwt) ? jwt.Issuer : "" """, "https://issuer.test" },
        { """ "Basic dXNlcjpwYXNz".AsBasic().UserId""", "user" },
        { """ "Basic dXNlcjpwYXNz".TryParseBasic(out var credentials) ? credentials.Password : "" """, "pass" },
        { """Encoding.UTF8.GetString(Encoding.UTF8.GetBytes("secret").Encrypt("Aes", new byte[32], new byte[16]).Decrypt("Aes", new byte[32], new byte[16]))""", "secret" },
        { """Encoding.UTF8.GetString(Encoding.UTF8.GetBytes("secret").Encrypt(Aes.Create(), new byte[16], new byte[16]).Decrypt(Aes.Create(), new byte[16], new byte[16]))""", "secret" },
        { """context.Request.Certificate?.VerifyNoRevocation() ?? false""", "False" },
    };

    private static readonly Lazy<CompiledExpressions> Compiled = new(() => new CompiledExpressions([.. Shapes.Select(row => (string)row[0])]));

    [Fact]
    public void Every_shape_compiles_with_the_expression_usings_only()
    {
        Assert.Empty(Compiled.Value.Errors);
    }

    [Fact]
    public void Helpers_bind_to_the_apim_model_not_to_bcl_extensions()
    {
        string[] helpers =
        [
            "GetValueOrDefault", "As", "AsFormUrlEncodedContent", "ToQueryString", "ToFormUrlEncodedContent",
            "AsJwt", "TryParseJwt", "AsBasic", "TryParseBasic", "Encrypt", "Decrypt", "VerifyNoRevocation",
        ];

        var bindings = Compiled.Value.HelperBindings.Where(binding => helpers.Contains(binding.Method)).ToList();

        Assert.Equal(helpers.Length, bindings.Select(binding => binding.Method).Distinct().Count());
        Assert.All(bindings, binding => Assert.Equal("ApimAiGateway.Harness.Context", binding.Namespace));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Shape_evaluates_against_real_values(string expression, string expected)
    {
        var index = Shapes.Select(row => (string)row[0]).ToList().IndexOf(expression);

        var result = Compiled.Value.Evaluate(index, SampleContext.Create());

        Assert.Equal(expected, Convert.ToString(result, CultureInfo.InvariantCulture));
    }
}
