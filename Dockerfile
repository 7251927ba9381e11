# The connector's image. Build the jar first (mvn -B package -DskipTests), then: docker build -t flatchr-lucca .
# The jar carries its settings and routes; mount a folder of routes and name it ROUTES_DIR (or an
# application.properties and CONFIG_FILE) to run edited ones without a rebuild.
FROM eclipse-temurin:17-jre

RUN useradd --system --uid 10001 --no-create-home --home-dir /nonexistent flatchr-lucca \
    && mkdir /data && chown flatchr-lucca /data && chmod 0700 /data
COPY target/flatchr-lucca.jar /opt/flatchr-lucca/flatchr-lucca.jar
COPY deploy/train-class-archive.sh /opt/flatchr-lucca/train-class-archive.sh
# DATA_DIR holds the embedded journal and the generated webhook token: keep it on a volume, or use PostgreSQL.
# Memory (docs/deployment.md): a 128 MiB heap (about 30 MiB live after a saturation run; 32 webhooks of the largest
# accepted size at once need the rest) that starts small and keeps room in its old generation, native memory handed
# back every 5 s, the serial collector and the quick compiler only; with them BENCHMARKS.md measures about 123 MiB
# resident idle and 186 MiB after a saturation run, where a 256 MiB heap with G1 and the optimising compiler reached
# 391.
ENV DATA_DIR=/data \
    SERVER_PORT=8080 \
    MANAGEMENT_PORT=8081 \
    JAVA_OPTS="-Xms32m -Xmn16m -Xmx128m -XX:MinHeapFreeRatio=40 -XX:MaxHeapFreeRatio=60 -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:TrimNativeHeapInterval=5000 -XX:+ExitOnOutOfMemoryError -XX:SharedArchiveFile=/opt/flatchr-lucca/flatchr-lucca.jsa"
# Class data sharing: one start at build time, with the options above, sent a webhook and the other first requests
# of a running connector, then stopped (10 to 20 s), writes the classes it loaded into an archive, which every start
# then maps instead of loading and checking them again: a start takes about a third less CPU, the connector 15 to
# 20 MiB less memory, and its first answer does not wait for the request path's classes. A missing or stale archive
# is only a slower start. It must be done within TRAINING_SECONDS: raise it for a slow, emulated build of another
# CPU's image (docker build --build-arg TRAINING_SECONDS=1800 ...).
ARG TRAINING_SECONDS=600
RUN /opt/flatchr-lucca/train-class-archive.sh /opt/flatchr-lucca/flatchr-lucca.jar /opt/flatchr-lucca/flatchr-lucca.jsa
VOLUME /data
USER 10001
# 8080: Flatchr's webhooks, the admin API and status page; 8081: health and metrics, never for the internet
EXPOSE 8080 8081
WORKDIR /opt/flatchr-lucca
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /opt/flatchr-lucca/flatchr-lucca.jar"]
