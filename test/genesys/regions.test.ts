import { left, right } from "fp-ts/Either";
import { describeUnknownRegion, regionDomains, resolveHosts } from "../../src/genesys/regions";

describe("regions", () => {
  it("maps every AWS-style region to api and login hosts", () => {
    const hosts = Object.keys(regionDomains).map((region) => [region, resolveHosts({ region })]);
    expect(hosts.length).toBe(18);
    expect(resolveHosts({ region: "eu-west-1" })).toEqual(right({ apiBaseUrl: "https://api.mypurecloud.ie", authBaseUrl: "https://login.mypurecloud.ie" }));
    expect(resolveHosts({ region: "us-east-2" })).toEqual(right({ apiBaseUrl: "https://api.use2.us-gov-pure.cloud", authBaseUrl: "https://login.use2.us-gov-pure.cloud" }));
    expect(resolveHosts({ region: "eusc-de-east-1" })).toEqual(right({ apiBaseUrl: "https://api.edee1.eusc-pure.cloud", authBaseUrl: "https://login.edee1.eusc-pure.cloud" }));
    for (const [region, result] of hosts) {
      expect(result).toEqual(right({ apiBaseUrl: `https://api.${regionDomains[region as string]}`, authBaseUrl: `https://login.${regionDomains[region as string]}` }));
    }
  });

  it("defaults to us-east-1 and accepts a raw domain", () => {
    expect(resolveHosts({})).toEqual(right({ apiBaseUrl: "https://api.mypurecloud.com", authBaseUrl: "https://login.mypurecloud.com" }));
    expect(resolveHosts({ region: "mypurecloud.com.au" })).toEqual(right({ apiBaseUrl: "https://api.mypurecloud.com.au", authBaseUrl: "https://login.mypurecloud.com.au" }));
  });

  it("lets explicit base URLs win, and serves login on the API origin when only that is given", () => {
    expect(resolveHosts({ apiBaseUrl: "http://127.0.0.1:9000/" })).toEqual(right({ apiBaseUrl: "http://127.0.0.1:9000", authBaseUrl: "http://127.0.0.1:9000" }));
    expect(resolveHosts({ region: "eu-west-1", apiBaseUrl: "https://proxy.example" })).toEqual(right({ apiBaseUrl: "https://proxy.example", authBaseUrl: "https://login.mypurecloud.ie" }));
    expect(resolveHosts({ apiBaseUrl: "https://a.example", authBaseUrl: "https://b.example" })).toEqual(right({ apiBaseUrl: "https://a.example", authBaseUrl: "https://b.example" }));
  });

  it("refuses an unknown region and lists the valid ones", () => {
    const result = resolveHosts({ region: "mars-north-1" });
    expect(result).toEqual(left({ _tag: "UnknownRegion", region: "mars-north-1", valid: Object.keys(regionDomains) }));
    if (result._tag === "Left") {
      expect(describeUnknownRegion(result.left)).toMatch(/^unknown Genesys Cloud region 'mars-north-1': use one of us-east-1, us-east-2, .*eu-west-1.*eusc-de-east-1/);
    }
  });
});
