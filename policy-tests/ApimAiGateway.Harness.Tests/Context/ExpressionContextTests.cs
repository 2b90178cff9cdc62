using ApimAiGateway.Harness.Context;
using ApimAiGateway.Harness.Context.Runtime;

namespace ApimAiGateway.Harness.Tests.Context;

public sealed class ExpressionContextTests
{
    private static readonly DateTimeOffset Arrival = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Timestamp_is_the_arrival_time_and_elapsed_follows_the_clock()
    {
        var clock = new FixedClock(Arrival);
        IExpressionContext context = new ExpressionContext(Request(), clock);

        clock.Now = Arrival.AddMilliseconds(250);

        Assert.Equal(Arrival.UtcDateTime, context.Timestamp);
        Assert.Equal(TimeSpan.FromMilliseconds(250), context.Elapsed);
    }

    [Fact]
    public void Rewriting_the_url_leaves_the_original_url_as_received()
    {
        var request = Request();
        IExpressionContext context = new ExpressionContext(request);

        request.Url.Path = "/rewritten";
        request.Url.Query.Set("added", "1");

        Assert.Equal("/rewritten", context.Request.Url.Path);
        Assert.Equal("/orders", context.Request.OriginalUrl.Path);
        Assert.Equal("?v=1", context.Request.OriginalUrl.QueryString);
    }

    [Fact]
    public void Trace_records_messages_in_order()
    {
        var context = new ExpressionContext(Request());

        ((IExpressionContext)context).Trace("first");
        ((IExpressionContext)context).Trace("second");

        Assert.Equal(["first", "second"], context.TraceMessages);
    }

    [Fact]
    public void Without_a_subscription_identity_members_are_null_and_the_gateway_is_managed()
    {
        IExpressionContext context = new ExpressionContext(Request());

        Assert.Null(context.Subscription);
        Assert.Null(context.Product);
        Assert.Null(context.User);
        Assert.Null(context.LastError);
        Assert.Null(context.Backend);
        Assert.Null(context.Request.Body);
        Assert.Equal("managed", context.Deployment.GatewayId);
        Assert.True(context.Deployment.Gateway.IsManaged);
        Assert.Equal("Ocp-Apim-Subscription-Key", context.Api.SubscriptionKeyParameterNames.Header);
    }

    [Fact]
    public void Both_documented_spellings_read_the_same_value()
    {
        var created = new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        IExpressionContext context = new ExpressionContext(Request())
        {
            Product = new Product { SubscriptionsLimit = 3 },
            Subscription = new Subscription { CreatedDate = created },
            GraphQL = new GraphQLContext { Arguments = new() { ["id"] = "7" } },
        };

        Assert.Equal(3, context.Product!.SubscriptionLimit);
        Assert.Equal(created, context.Subscription!.CreatedTime);
        Assert.Equal("7", (string?)context.GraphQL.GraphQLArguments["id"]);
    }

    [Fact]
    public void The_executor_sets_last_error_and_backend_for_later_expressions()
    {
        var context = new ExpressionContext(Request());

        context.LastError = new LastError("rate-limit", "Rate limit is exceeded.") { Reason = "RateLimitExceeded", Section = "inbound" };
        context.Backend = new Backend { Id = "openai-pool", Type = BackendType.Pool };

        IExpressionContext view = context;
        Assert.Equal("RateLimitExceeded", view.LastError?.Reason);
        Assert.Equal(BackendType.Pool, view.Backend?.Type);
    }

    private static GatewayRequest Request()
    {
        Assert.True(Url.TryParse("https://h.test/orders?v=1", out var url));
        return new GatewayRequest("GET", url);
    }
}
